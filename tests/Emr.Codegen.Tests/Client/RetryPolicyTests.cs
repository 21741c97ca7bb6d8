using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// A spec with an action that has no idempotency token: it is retried only where the server certainly did not act.
    /// Also the spec's <c>retryable</c> flag and the client's name, endpoint and throttle from the spec.
    /// </summary>
    public class RetryPolicyTests
    {
        private const string SecretKey = "retry-policy-secret";

        private const string Spec = """
            {
              "metadata": { "serviceShortName": "demo", "apiVersion": "2021-02-03", "namespace": "Demo.Retry",
                            "endpoints": { "domain": "demo.tencentcloudapi.com", "regions": { "ap-shanghai-fsi": "demo.ap-shanghai-fsi.tencentcloudapi.com" } } },
              "actions": {
                "DescribeThings": {
                  "input": "DescribeThingsRequest", "output": "DescribeThingsResponse", "rateLimit": 5,
                  "errorCodes": [ { "code": "InternalError", "retryable": true }, { "code": "RequestLimitExceeded", "retryable": true } ]
                }
              },
              "objects": {
                "DescribeThingsRequest": { "members": [ { "name": "Name", "type": "string", "member": "string", "required": true } ] },
                "DescribeThingsResponse": { "members": [ { "name": "Count", "type": "int", "member": "int64" }, { "name": "RequestId", "type": "string", "member": "string" } ] }
              }
            }
            """;

        private static readonly Lazy<Assembly> Generated = new(() =>
        {
            var result = GeneratorHarness.Run(new[] { ("/specs/demo.json", Spec) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output);
        });

        private static Type Type(string name) => RuntimeTypes.Find(Generated.Value, "Demo.Retry", name);

        private static dynamic Client(Uri endpoint, Action<object>? onRequest = null)
        {
            dynamic options = Activator.CreateInstance(Type("ApiClientOptions"))!;
            options.Endpoint = endpoint;
            options.MaxRetries = 3;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            if (onRequest != null)
            {
                options.OnRequest = (dynamic)GeneratedClient.Hook(Type("ApiClientRequestInfo"), onRequest);
            }

            dynamic credential = Activator.CreateInstance(Type("ApiCredential"), "AKIDdemo000001", SecretKey, null)!;
            return Activator.CreateInstance(Type("DemoClient"), credential, "ap-shanghai-fsi", options, null)!;
        }

        private static dynamic Request() => Type("DescribeThingsRequest").GetMethod("FromJson")!.Invoke(null, new object[] { "{\"Name\":\"x\"}" })!;

        [Theory]
        [InlineData(500, "oops", 1)]
        [InlineData(200, "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"m\"},\"RequestId\":\"r\"}}", 1)]
        public async Task Without_an_idempotency_token_5xx_and_retryable_codes_are_not_sent_again(int status, string body, int expectedCalls)
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(status, body));
            Exception exception = await GeneratedClient.ThrowsAsync(() => Client(server.Endpoint).DescribeThingsAsync(Request(), CancellationToken.None));
            Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));
            Assert.Equal(expectedCalls, server.Received.Count);
        }

        [Fact]
        public async Task Without_an_idempotency_token_RequestLimitExceeded_is_still_retried()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index < 2
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", "r" + index))
                : new Answer(200, "{\"Response\":{\"Count\":7,\"RequestId\":\"ok\"}}"));
            dynamic response = await Client(server.Endpoint).DescribeThingsAsync(Request(), CancellationToken.None);
            Assert.Equal(7L, (long?)response.Count);
            Assert.Equal(3, server.Received.Count);
            Assert.All(server.Received, r => Assert.True(r.SignatureValid));
            Assert.All(server.Received, r => Assert.Equal("DescribeThings", r.Headers["X-TC-Action"]));
            Assert.All(server.Received, r => Assert.Equal("2021-02-03", r.Headers["X-TC-Version"]));
            Assert.All(server.Received, r => Assert.Contains("/demo/tc3_request", r.Headers["Authorization"]));
        }

        [Fact]
        public async Task A_refused_connection_is_retried_even_without_an_idempotency_token()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop(); // nothing listens there now
            int attempts = 0;
            Exception exception = await GeneratedClient.ThrowsAsync(() => Client(new Uri("http://127.0.0.1:" + port + "/"), _ => Interlocked.Increment(ref attempts)).DescribeThingsAsync(Request(), CancellationToken.None));
            Assert.IsType<HttpRequestException>(exception);
            Assert.Equal(4, attempts);
        }

        [Fact]
        public void The_client_is_named_from_the_service_and_sends_to_the_regions_endpoint_and_the_spec_marks_retryable_codes()
        {
            dynamic credential = Activator.CreateInstance(Type("ApiCredential"), "AKIDdemo000001", SecretKey, null)!;
            dynamic client = Activator.CreateInstance(Type("DemoClient"), credential, "ap-shanghai-fsi", null, null)!;
            Assert.Equal(new Uri("https://demo.ap-shanghai-fsi.tencentcloudapi.com/"), (Uri)client.Endpoint);
            dynamic other = Activator.CreateInstance(Type("DemoClient"), credential, "ap-guangzhou", null, null)!;
            Assert.Equal(new Uri("https://demo.tencentcloudapi.com/"), (Uri)other.Endpoint);

            var read = Emr.Codegen.Spec.SpecReader.Read(new[] { new Emr.Codegen.Spec.SpecSource("/specs/demo.json", Spec) });
            Assert.Equal(new[] { "InternalError", "RequestLimitExceeded" }, read.Model!.Actions.Single().RetryableErrorCodes.ToArray());
        }

        [Fact]
        public void A_retryable_flag_that_is_not_a_boolean_is_a_spec_error()
        {
            string spec = Spec.Replace("\"code\": \"InternalError\", \"retryable\": true", "\"code\": \"InternalError\", \"retryable\": \"yes\"");
            var read = Emr.Codegen.Spec.SpecReader.Read(new[] { new Emr.Codegen.Spec.SpecSource("/specs/demo.json", spec) });
            Assert.Contains(read.Diagnostics, d => d.Message.Contains("'retryable' must be true or false"));
        }
    }
}
