// make.js -- builds the reader's test files in tests/data/read/ from real pages
// of the article-extraction benchmark (../shared/data/article-extraction, MIT
// licence, see SOURCE.md here):
//   node tests/data/read/make.js ../shared/data/article-extraction tests/data/read
// aljazeera.html        one page as it is (an HTML page)
// comwrap.rss           RSS 2.0: two German blog posts of blog.comwrap.com, their
//                       text as content:encoded (one) and description (the other)
// news.atom             Atom: the Al Jazeera page and a Space Review article
// comwrap.warc.gz       WARC/1.0: warcinfo, and for both German pages a request
//                       and an HTTP response (one with chunked transfer coding),
//                       plus an image response (not a document); gzip per record
// Texts and titles come from the benchmark's pages and ground truth; the feeds'
// dates and the crawl's dates are set here (the pages state none).
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const src = process.argv[2] || '../shared/data/article-extraction';
const out = process.argv[3] || 'tests/data/read';
const gt = JSON.parse(fs.readFileSync(`${src}/ground-truth.json`, 'utf8'));
const page = (p) => {
  const id = Object.keys(gt).find((k) => k.startsWith(p));
  return { id, url: gt[id].url, body: gt[id].articleBody,
           html: zlib.gunzipSync(fs.readFileSync(`${src}/html/${id}.html.gz`)) };
};
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const paras = (s) => s.split(/\n+/).filter((x) => x.trim()).map((x) => `<p>${esc(x)}</p>`).join('\n');

const alj = page('7916ecca'), space = page('c00962aa'), dmexco = page('ba07d1e6'), epa = page('57b4dafd');
fs.writeFileSync(`${out}/aljazeera.html`, alj.html);

fs.writeFileSync(`${out}/comwrap.rss`, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>comwrap Blog</title>
<link>https://blog.comwrap.com</link>
<description>Der Blog der comwrap GmbH</description>
<language>de-de</language>
<item>
<title>Take C.A.R.E. - comwrap auf der DMEXCO 2018</title>
<link>${dmexco.url}</link>
<guid isPermaLink="false">comwrap-dmexco-2018</guid>
<pubDate>Wed, 29 Aug 2018 10:00:00 +0200</pubDate>
<dc:creator>comwrap</dc:creator>
<content:encoded><![CDATA[${paras(dmexco.body)}]]></content:encoded>
</item>
<item>
<title>Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen</title>
<link>${epa.url}</link>
<pubDate>Tue, 13 Nov 2018 09:30:00 +0100</pubDate>
<description>${esc(paras(epa.body))}</description>
</item>
</channel>
</rss>
`);

fs.writeFileSync(`${out}/news.atom`, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<title>News</title>
<id>urn:lagebild:test:news</id>
<updated>2019-11-20T12:00:00Z</updated>
<entry>
<title>US service members killed in Afghanistan helicopter crash</title>
<link rel="alternate" type="text/html" href="${alj.url}"/>
<id>${alj.url}</id>
<published>2019-11-20T08:02:00Z</published>
<updated>2019-11-20T09:00:00Z</updated>
<author><name>Al Jazeera</name></author>
<summary type="html">${esc(paras(alj.body))}</summary>
</entry>
<entry>
<title type="html">The Space Review: Seeking a bigger role for a &lt;i&gt;big&lt;/i&gt; rocket</title>
<link href="${space.url}"/>
<id>tag:thespacereview.com,2019:3834</id>
<updated>2019-11-18T00:00:00-05:00</updated>
<content type="html">${esc(paras(space.body))}</content>
</entry>
</feed>
`);

const crlf = (s) => s.replace(/\n/g, '\r\n');
function record(headers, block) {
  const b = Buffer.isBuffer(block) ? block : Buffer.from(block);
  const h = crlf(`WARC/1.0\n${headers}Content-Length: ${b.length}\n\n`);
  return zlib.gzipSync(Buffer.concat([Buffer.from(h), b, Buffer.from('\r\n\r\n')]));
}
const info = 'software: lagebild tests/data/read/make.js\nformat: WARC File Format 1.0\n';
const parts = [record('WARC-Type: warcinfo\nWARC-Date: 2018-11-14T08:00:00Z\n' +
  'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\nContent-Type: application/warc-fields\n', crlf(info))];
let n = 1;
for (const [p, date, chunked] of [[dmexco, '2018-09-01T12:00:00Z', false], [epa, '2018-11-14T08:30:00Z', true]]) {
  const uuid = (k) => `<urn:uuid:00000000-0000-4000-8000-${String(k).padStart(12, '0')}>`;
  const host = new URL(p.url).host;
  parts.push(record(`WARC-Type: request\nWARC-Target-URI: ${p.url}\nWARC-Date: ${date}\n` +
    `WARC-Record-ID: ${uuid(n++)}\nContent-Type: application/http; msgtype=request\n`,
  crlf(`GET ${new URL(p.url).pathname} HTTP/1.1\nHost: ${host}\n\n`)));
  let body = p.html;
  let head = `HTTP/1.1 200 OK\nContent-Type: text/html; charset=utf-8\n`;
  if (chunked) {
    const chunks = [];
    for (let i = 0; i < body.length; i += 8000) {
      const c = body.subarray(i, i + 8000);
      chunks.push(Buffer.from(c.length.toString(16) + '\r\n'), c, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from('0\r\n\r\n'));
    body = Buffer.concat(chunks);
    head += 'Transfer-Encoding: chunked\n';
  } else {
    head += `Content-Length: ${body.length}\n`;
  }
  parts.push(record(`WARC-Type: response\nWARC-Target-URI: ${p.url}\nWARC-Date: ${date}\n` +
    `WARC-Record-ID: ${uuid(n++)}\nContent-Type: application/http; msgtype=response\n`,
  Buffer.concat([Buffer.from(crlf(head + '\n')), body])));
}
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
parts.push(record('WARC-Type: response\nWARC-Target-URI: https://blog.comwrap.com/logo.png\n' +
  'WARC-Date: 2018-11-14T08:31:00Z\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000099>\n' +
  'Content-Type: application/http; msgtype=response\n',
Buffer.concat([Buffer.from(crlf(`HTTP/1.1 200 OK\nContent-Type: image/png\nContent-Length: ${png.length}\n\n`)), png])));
fs.writeFileSync(`${out}/comwrap.warc.gz`, Buffer.concat(parts));
