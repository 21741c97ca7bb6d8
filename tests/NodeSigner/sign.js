// Reads a JSON array of signing inputs on stdin and writes, per input, the Authorization header that
// Tencent Cloud's official Node.js SDK (tencentcloud-sdk-nodejs-common) computes with Sign.sign3.
// Inputs: {url, body, timestamp, service, secretId, secretKey}; the body is signed as the exact bytes sent.
"use strict";
const Sign = require("tencentcloud-sdk-nodejs-common/tencentcloud/common/sign").default;

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  const out = cases.map((c) =>
    Sign.sign3({
      method: "POST",
      url: c.url,
      payload: Buffer.from(c.body, "utf8"),
      timestamp: c.timestamp,
      service: c.service,
      secretId: c.secretId,
      secretKey: c.secretKey,
      multipart: false,
      headers: { "Content-Type": "application/json" },
    })
  );
  process.stdout.write(JSON.stringify(out));
});
