/*
** natslib.h -- libnats (the NATS C client), loaded when a NATS server is
** dialled.
**
** Why not link it: libnats brings OpenSSL and protobuf-c, ~0.8 ms at every
** start of every command (`perf stat -r 30` on an empty program: 0.8 ms;
** linked with -lnats: 1.6 ms), while only `lagebild queue` and `lagebild
** worker` use it. As serve/mhd.h and store/pq.h do, queue.c calls it
** through this table (filled by lb_nats_load with dlopen/dlsym); the macros
** keep queue.c written against the library's names and types (nats.h from
** libnats-dev).
*/
#ifndef LB_QUEUE_NATSLIB_H
#define LB_QUEUE_NATSLIB_H

#include <nats/nats.h>
#include <stddef.h>

#define LB_NATS_FUNCS(X) \
  X(natsOptions_Create) X(natsOptions_Destroy) X(natsOptions_SetURL) \
  X(natsOptions_SetMaxReconnect) X(natsOptions_SetReconnectWait) \
  X(natsOptions_SetTimeout) X(natsOptions_SetName) \
  X(natsConnection_Connect) X(natsConnection_Destroy) X(natsConnection_Close) \
  X(natsConnection_GetMaxPayload) X(natsConnection_JetStream) X(jsCtx_Destroy) \
  X(jsOptions_Init) X(jsStreamConfig_Init) X(js_AddStream) X(js_GetStreamInfo) \
  X(jsStreamInfo_Destroy) X(jsConsumerConfig_Init) X(js_AddConsumer) \
  X(js_GetConsumerInfo) X(jsConsumerInfo_Destroy) X(jsSubOptions_Init) \
  X(js_PullSubscribe) X(natsSubscription_Fetch) X(natsSubscription_Destroy) \
  X(natsMsgList_Destroy) X(natsMsg_Create) X(natsMsg_Destroy) X(natsMsg_GetData) \
  X(natsMsg_GetDataLength) X(natsMsgHeader_Set) X(natsMsgHeader_Get) X(natsMsg_Ack) \
  X(natsMsg_NakWithDelay) X(natsMsg_GetMetaData) \
  X(jsMsgMetaData_Destroy) X(jsPubOptions_Init) X(js_PublishMsg) X(js_PublishMsgAsync) \
  X(js_PublishAsyncComplete) X(jsPubAck_Destroy) X(js_GetLastMsg) X(natsStatus_GetText) \
  X(nats_GetLastError)

typedef struct lb_nats_api {
#define LB_NATS_FIELD(f) __typeof__(f) *f;
  LB_NATS_FUNCS(LB_NATS_FIELD)
#undef LB_NATS_FIELD
} lb_nats_api;

extern lb_nats_api lb_nats;

/* Load libnats once (thread-safe). 0, or -1 with a message naming the
** library (and the Debian package to install) in err. */
int lb_nats_load(char *err, size_t errlen);

#ifndef LB_NATS_IMPL
#define natsOptions_Create lb_nats.natsOptions_Create
#define natsOptions_Destroy lb_nats.natsOptions_Destroy
#define natsOptions_SetURL lb_nats.natsOptions_SetURL
#define natsOptions_SetMaxReconnect lb_nats.natsOptions_SetMaxReconnect
#define natsOptions_SetReconnectWait lb_nats.natsOptions_SetReconnectWait
#define natsOptions_SetTimeout lb_nats.natsOptions_SetTimeout
#define natsOptions_SetName lb_nats.natsOptions_SetName
#define natsConnection_Connect lb_nats.natsConnection_Connect
#define natsConnection_Destroy lb_nats.natsConnection_Destroy
#define natsConnection_Close lb_nats.natsConnection_Close
#define natsConnection_GetMaxPayload lb_nats.natsConnection_GetMaxPayload
#define natsConnection_JetStream lb_nats.natsConnection_JetStream
#define jsCtx_Destroy lb_nats.jsCtx_Destroy
#define jsOptions_Init lb_nats.jsOptions_Init
#define jsStreamConfig_Init lb_nats.jsStreamConfig_Init
#define js_AddStream lb_nats.js_AddStream
#define js_GetStreamInfo lb_nats.js_GetStreamInfo
#define jsStreamInfo_Destroy lb_nats.jsStreamInfo_Destroy
#define jsConsumerConfig_Init lb_nats.jsConsumerConfig_Init
#define js_AddConsumer lb_nats.js_AddConsumer
#define js_GetConsumerInfo lb_nats.js_GetConsumerInfo
#define jsConsumerInfo_Destroy lb_nats.jsConsumerInfo_Destroy
#define jsSubOptions_Init lb_nats.jsSubOptions_Init
#define js_PullSubscribe lb_nats.js_PullSubscribe
#define natsSubscription_Fetch lb_nats.natsSubscription_Fetch
#define natsSubscription_Destroy lb_nats.natsSubscription_Destroy
#define natsMsgList_Destroy lb_nats.natsMsgList_Destroy
#define natsMsg_Create lb_nats.natsMsg_Create
#define natsMsg_Destroy lb_nats.natsMsg_Destroy
#define natsMsg_GetData lb_nats.natsMsg_GetData
#define natsMsg_GetDataLength lb_nats.natsMsg_GetDataLength
#define natsMsgHeader_Set lb_nats.natsMsgHeader_Set
#define natsMsgHeader_Get lb_nats.natsMsgHeader_Get
#define natsMsg_Ack lb_nats.natsMsg_Ack
#define natsMsg_NakWithDelay lb_nats.natsMsg_NakWithDelay
#define natsMsg_GetMetaData lb_nats.natsMsg_GetMetaData
#define jsMsgMetaData_Destroy lb_nats.jsMsgMetaData_Destroy
#define jsPubOptions_Init lb_nats.jsPubOptions_Init
#define js_PublishMsg lb_nats.js_PublishMsg
#define js_PublishMsgAsync lb_nats.js_PublishMsgAsync
#define js_PublishAsyncComplete lb_nats.js_PublishAsyncComplete
#define jsPubAck_Destroy lb_nats.jsPubAck_Destroy
#define js_GetLastMsg lb_nats.js_GetLastMsg
#define natsStatus_GetText lb_nats.natsStatus_GetText
#define nats_GetLastError lb_nats.nats_GetLastError
#endif

#endif
