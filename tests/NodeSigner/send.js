// Sends one action with the official SDK's CommonClient to a loopback endpoint (plain HTTP) and prints the
// answer as JSON. Arguments: endpoint (host:port), action, version, region, file with the request's JSON, and
// optionally the signature method (HmacSHA256: the SDK sends the request as form parameters instead of JSON).
// The secret comes from the environment as the SDK's users pass it: TENCENTCLOUD_SECRET_ID/KEY.
"use strict";
const fs = require("fs");
const { CommonClient } = require("tencentcloud-sdk-nodejs-common");

const [endpoint, action, version, region, requestFile, signMethod] = process.argv.slice(2);
if (!/^(127\.0\.0\.1|localhost):\d+$/.test(endpoint)) {
  throw new Error("send.js only talks to a loopback endpoint, not " + endpoint);
}
const client = new CommonClient(endpoint, version, {
  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },
  region,
  profile: { httpProfile: { protocol: "http://", reqTimeout: 10 }, ...(signMethod ? { signMethod } : {}) },
});
client
  .request(action, JSON.parse(fs.readFileSync(requestFile, "utf8")))
  .then((answer) => process.stdout.write(JSON.stringify(answer)))
  .catch((error) => {
    process.stderr.write(String(error && error.message) + "\n");
    process.exit(1);
  });
