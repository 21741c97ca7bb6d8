using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>The generated signer and client against Tencent Cloud's official Node.js SDK (tests/NodeSigner).</summary>
    public class OfficialSdkCrossCheckTests
    {
        private static readonly string[] Regions = { "ap-guangzhou", "ap-shanghai", "ap-beijing", "ap-singapore", "na-siliconvalley", "eu-frankfurt", "ap-shanghai-fsi", "ap-shenzhen-fsi" };

        private static readonly string[] Overrides =
        {
            "https://emr.internal.example.com/", "https://emr.internal.example.com:8443/", "http://127.0.0.1:9000/", "http://localhost:18080/", "https://EMR.Example.ORG:443/",
        };

        [Fact]
        public async Task Authorization_headers_equal_the_official_SDKs_Sign_sign3_over_random_requests_timestamps_regions_and_endpoints()
        {
            var random = new Random(20261130);
            var cases = new List<Dictionary<string, object>>();
            Type metadata = GeneratedClient.Type("ApiMetadata");
            for (int i = 0; i < 300; i++)
            {
                string region = Regions[random.Next(Regions.Length)];
                string url = random.Next(3) == 0
                    ? Overrides[random.Next(Overrides.Length)]
                    : "https://" + (string)metadata.GetMethod("GetEndpoint")!.Invoke(null, new object[] { region })! + "/";
                dynamic request = GeneratedClient.Request();
                request.InstanceName = RandomText(random);
                request.ClientToken = Guid.NewGuid().ToString();
                cases.Add(new Dictionary<string, object>
                {
                    ["url"] = url,
                    ["body"] = (string)request.ToJson(),
                    ["timestamp"] = (long)random.Next(1_000_000_000, int.MaxValue),
                    ["service"] = "emr",
                    ["secretId"] = "AKID" + RandomText(random, ascii: true),
                    ["secretKey"] = RandomText(random, ascii: true),
                });
            }

            // The client's own headers, as sent to a loopback server (with a port), are in the batch too.
            using var server = new LoopbackServer("loopback-secret-key", (index, _) => new Answer(200, LoopbackServer.Success("req-" + index)));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential("AKIDloopback0001", "loopback-secret-key"), "ap-shanghai-fsi", GeneratedClient.Options(server.Endpoint));
            for (int i = 0; i < 5; i++)
            {
                dynamic request = GeneratedClient.Request();
                request.InstanceName = "loopback_" + i;
                await client.CreateInstanceAsync(request, CancellationToken.None);
            }

            var sent = server.Received.ToArray();
            foreach (ReceivedRequest received in sent)
            {
                cases.Add(new Dictionary<string, object>
                {
                    ["url"] = server.Endpoint.ToString(),
                    ["body"] = received.Body,
                    ["timestamp"] = long.Parse(received.Headers["X-TC-Timestamp"]),
                    ["service"] = "emr",
                    ["secretId"] = "AKIDloopback0001",
                    ["secretKey"] = "loopback-secret-key",
                });
            }

            string[] official = JsonSerializer.Deserialize<string[]>(NodeSdk.Node("sign.js", JsonSerializer.Serialize(cases)))!;
            Assert.Equal(cases.Count, official.Length);
            for (int i = 0; i < 300; i++)
            {
                var c = cases[i];
                string ours = GeneratedClient.Authorization((string)c["secretId"], (string)c["secretKey"], "emr", new Uri((string)c["url"]), (long)c["timestamp"], (string)c["body"]);
                Assert.True(official[i] == ours, "case " + i + " (" + c["url"] + ", " + c["timestamp"] + "): official " + official[i] + ", ours " + ours);
            }

            for (int i = 0; i < sent.Length; i++)
            {
                Assert.Equal(official[300 + i], sent[i].Headers["Authorization"]);
            }
        }

        [Fact]
        public async Task The_official_CommonClient_and_the_generated_client_send_bodies_that_parse_to_the_same_JSON()
        {
            const string secretKey = "cross-check-secret-key";
            using var server = new LoopbackServer(secretKey, (index, _) => new Answer(200, LoopbackServer.Success("req-" + index)));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential("AKIDcrosscheck01", secretKey), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            dynamic request = GeneratedClient.Request();
            await client.CreateInstanceAsync(request, CancellationToken.None);
            string requestFile = Path.GetTempFileName();
            try
            {
                // The same request, ClientToken included, as a user of the official SDK writes it: a plain JSON object.
                File.WriteAllText(requestFile, (string)request.ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                string answer = NodeSdk.Node(
                    "send.js",
                    string.Empty,
                    new Dictionary<string, string> { ["TENCENTCLOUD_SECRET_ID"] = "AKIDcrosscheck01", ["TENCENTCLOUD_SECRET_KEY"] = secretKey },
                    server.Endpoint.Authority, "CreateInstance", "2019-01-03", "ap-guangzhou", requestFile);
                Assert.Equal("req-1", (string)JsonNode.Parse(answer)!["RequestId"]!);
            }
            finally
            {
                File.Delete(requestFile);
            }

            var received = server.Received.ToArray();
            Assert.Equal(2, received.Length);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(received[0].Body), JsonNode.Parse(received[1].Body)), received[0].Body + "\n" + received[1].Body);
            Assert.All(received, r => Assert.True(r.SignatureValid, "signature of " + r.Headers["Authorization"]));
            foreach (string header in new[] { "X-TC-Action", "X-TC-Version", "X-TC-Region", "Content-Type" })
            {
                Assert.Equal(received[1].Headers[header], received[0].Headers[header]);
            }
        }

        [Fact]
        public void A_form_the_official_SDK_sends_reads_with_ParseForm_as_the_same_request_reads_from_JSON()
        {
            // With the HmacSHA256 signature the SDK sends form parameters, flattened and written by its own code
            // (booleans as true/false); the custom spec has the kinds the default one lacks (booleans, floating point).
            using var server = new LoopbackServer("cross-check-secret-key", (_, _) => new Answer(200, "{\"Response\":{\"RequestId\":\"req-1\"}}"));
            const string json = "{\"Ratio\":0.25,\"Enabled\":true,\"Count\":-3,\"Note\":\"a b+c&d=e %\u00e9\u4e2d\",\"Weights\":[1.5,-2],\"Part\":{\"Active\":false}}";
            string requestFile = Path.GetTempFileName();
            try
            {
                File.WriteAllText(requestFile, json, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                NodeSdk.Node(
                    "send.js",
                    string.Empty,
                    new Dictionary<string, string> { ["TENCENTCLOUD_SECRET_ID"] = "AKIDcrosscheck01", ["TENCENTCLOUD_SECRET_KEY"] = "cross-check-secret-key" },
                    server.Endpoint.Authority, "Act", "2021-01-01", "ap-guangzhou", requestFile, "HmacSHA256");
            }
            finally
            {
                File.Delete(requestFile);
            }

            ReceivedRequest sent = Assert.Single(server.Received);
            Assert.StartsWith("application/x-www-form-urlencoded", sent.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Contains("Enabled=true", sent.Body, StringComparison.Ordinal);
            Assert.Contains("Part.Active=false", sent.Body, StringComparison.Ordinal);

            // The SDK's own parameters (Action, Nonce, Signature, ...) are names the request does not have: ignored.
            string fromJson = Generator.ReaderCustomSpecTests.Host.Run("FromJson", json);
            // The JSON reads whole (the writer escapes some characters differently, so the values are compared, not the text).
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(json), System.Text.Json.Nodes.JsonNode.Parse(fromJson.Split('\n')[0])), fromJson);
            Assert.Equal(fromJson, Generator.ReaderCustomSpecTests.Host.Run("ParseForm", sent.Body));
        }

        private static string RandomText(Random random, bool ascii = false)
        {
            const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
            const string extra = " \"\\/&<>\u00e9\u4e2d\u6587\U0001F600\n\t";
            int length = random.Next(1, 40);
            var text = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                string source = ascii || random.Next(4) > 0 ? alphabet : extra;
                int at = random.Next(source.Length);
                if (char.IsHighSurrogate(source[at]))
                {
                    text.Append(source, at, 2);
                }
                else if (!char.IsLowSurrogate(source[at]))
                {
                    text.Append(source[at]);
                }
            }

            return text.Length == 0 ? "x" : text.ToString();
        }
    }
}
