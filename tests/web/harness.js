// harness.js -- a tiny test runner for the web tests: test(name, fn) then
// run(); prints "ok NAME" / "not ok NAME: why" and "N passed, N failed".
'use strict';
const assert = require('assert');
const tests = [];
function test(name, fn) { tests.push({ name, fn }); }
async function run(label) {
  let p = 0, f = 0;
  for (const t of tests) {
    try {
      await t.fn();
      p++;
      console.log(`ok ${label}: ${t.name}`);
    } catch (e) {
      f++;
      console.log(`not ok ${label}: ${t.name}: ${(e && e.message ? e.message : String(e)).split('\n').slice(0, 6).join('\n  ')}`);
    }
  }
  console.log(`${label}: ${p} passed, ${f} failed`);
  return f;
}
module.exports = { test, run, assert };
