using System;

namespace Emr.Codegen.Runtime.Tests
{
    /// <summary>The TC3-HMAC-SHA256 signer against the example Tencent Cloud publishes for it.</summary>
    public class SignerTests
    {
        [Fact]
        public void The_published_example_signs_to_the_published_signature()
        {
            // Tencent Cloud's signature v3 document: DescribeInstances of CVM with its example keys, 2019-02-25.
            const string body = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
            string authorization = ApiClientRuntime.Authorization(
                "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm", new Uri("https://cvm.tencentcloudapi.com/"), 1551113065, body, "application/json; charset=utf-8");
            Assert.Equal(
                "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
                authorization);
        }

        [Fact]
        public void The_client_signs_the_content_type_it_sends_and_the_host_without_its_port()
        {
            var withPort = new Uri("https://emr.tencentcloudapi.com:8443/");
            var without = new Uri("https://emr.tencentcloudapi.com/");
            Assert.Equal(
                ApiClientRuntime.Authorization("id", "key", "emr", without, 1700000000, "{}", ApiClientRuntime.ContentType),
                ApiClientRuntime.Authorization("id", "key", "emr", withPort, 1700000000, "{}"));
        }

        [Fact]
        public void Credentials_show_only_the_start_of_the_secret_id()
        {
            var credential = new ApiCredential("AKIDtestid0123456789", "testsecretkey0123456789");
            string shown = credential.ToString();
            Assert.DoesNotContain("testsecretkey", shown);
            Assert.DoesNotContain("AKIDtestid0123456789", shown);
        }
    }
}
