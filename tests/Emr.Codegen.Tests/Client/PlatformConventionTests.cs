using System;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// The idempotency token and the rate-limit code are spec data (<c>metadata.idempotencyToken</c>,
    /// <c>metadata.rateLimitErrorCode</c>); Tencent Cloud's names are only their defaults.
    /// </summary>
    public class PlatformConventionTests
    {
        private const string SecretKey = "convention-secret";

        private const string Spec = """
            {
              "metadata": { "serviceShortName": "demo", "apiVersion": "2021-02-03", "namespace": "Demo.Conventions",
                            "idempotencyToken": "RequestToken", "rateLimitErrorCode": "Throttled",
                            "endpoints": { "domain": "demo.tencentcloudapi.com" } },
              "actions": {
                "CreateThing": { "input": "CreateThingRequest", "output": "CreateThingResponse", "errorCodes": [ { "code": "InternalError", "retryable": true } ] },
                "DescribeThings": { "input": "DescribeThingsRequest", "output": "DescribeThingsResponse" }
              },
              "objects": {
                "CreateThingRequest": { "members": [ { "name": "Name", "type": "string", "member": "string", "required": true },
                                                     { "name": "RequestToken", "type": "string", "member": "string" },
                                                     { "name": "ClientToken", "type": "string", "member": "string" } ] },
                "CreateThingResponse": { "members": [ { "name": "RequestId", "type": "string", "member": "string" } ] },
                "DescribeThingsRequest": { "members": [ { "name": "Name", "type": "string", "member": "string", "required": true } ] },
                "DescribeThingsResponse": { "members": [ { "name": "Count", "type": "int", "member": "int64" }, { "name": "RequestId", "type": "string", "member": "string" } ] }
              }
            }
            """;

        private static readonly Lazy<Assembly> Generated = new(() =>
        {
            var result = GeneratorHarness.Run(new[] { ("/specs/conventions.json", Spec) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output);
        });

        private static Type Type(string name) => RuntimeTypes.Find(Generated.Value, "Demo.Conventions", name);

        private static dynamic Client(Uri endpoint)
        {
            dynamic options = Activator.CreateInstance(Type("ApiClientOptions"))!;
            options.Endpoint = endpoint;
            options.MaxRetries = 3;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            dynamic credential = Activator.CreateInstance(Type("ApiCredential"), "AKIDdemo000001", SecretKey, null)!;
            return Activator.CreateInstance(Type("DemoClient"), credential, "ap-guangzhou", options, null)!;
        }

        private static dynamic Request(string type) => Type(type).GetMethod("FromJson")!.Invoke(null, new object[] { "{\"Name\":\"x\"}" })!;

        [Fact]
        public async Task The_spec_named_token_is_filled_and_kept_across_retries_and_the_platform_name_is_left_alone()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index < 1
                ? new Answer(200, LoopbackServer.Error("InternalError", "try again", "r" + index))
                : new Answer(200, "{\"Response\":{\"RequestId\":\"ok\"}}"));
            dynamic request = Request("CreateThingRequest");
            await Client(server.Endpoint).CreateThingAsync(request, CancellationToken.None);
            Assert.False(string.IsNullOrEmpty((string?)request.RequestToken));
            Assert.Null((string?)request.ClientToken);
            Assert.Equal(2, server.Received.Count);
            Assert.All(server.Received, r => Assert.Equal((string)request.RequestToken, JsonDocument.Parse(r.Body).RootElement.GetProperty("RequestToken").GetString()));
        }

        [Theory]
        [InlineData("Throttled", 3)]
        [InlineData("Throttled.PerAccount", 3)]
        [InlineData("RequestLimitExceeded", 1)] // not this spec's rate-limit code: an action without a token is not sent again
        [InlineData("ThrottledNot", 1)] // a code that only starts with the name is not of its family
        public async Task The_spec_named_rate_limit_code_and_its_family_are_retried_without_a_token(string code, int expectedCalls)
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index < 2
                ? new Answer(200, LoopbackServer.Error(code, "slow down", "r" + index))
                : new Answer(200, "{\"Response\":{\"Count\":7,\"RequestId\":\"ok\"}}"));
            dynamic call = Client(server.Endpoint).DescribeThingsAsync(Request("DescribeThingsRequest"), CancellationToken.None);
            if (expectedCalls == 1)
            {
                Exception exception = await GeneratedClient.ThrowsAsync(() => (Task)call);
                Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));
            }
            else
            {
                dynamic response = await call;
                Assert.Equal(7L, (long?)response.Count);
            }

            Assert.Equal(expectedCalls, server.Received.Count);
        }

        [Fact]
        public void Without_the_keys_the_platform_names_apply_and_the_default_spec_states_them()
        {
            var bare = Emr.Codegen.Spec.SpecReader.Read(new[] { new Emr.Codegen.Spec.SpecSource("/specs/bare.json", Spec.Replace("\"idempotencyToken\": \"RequestToken\", \"rateLimitErrorCode\": \"Throttled\",", string.Empty)) }).Model!;
            Assert.Equal("ClientToken", bare.IdempotencyToken);
            Assert.Equal("RequestLimitExceeded", bare.RateLimitErrorCode);
            var defaultSpec = Emr.Codegen.Spec.SpecReader.Read(new[] { new Emr.Codegen.Spec.SpecSource(TestPaths.DefaultSpec, System.IO.File.ReadAllText(TestPaths.DefaultSpec)) }).Model!;
            Assert.Equal("ClientToken", defaultSpec.IdempotencyToken);
            Assert.Equal("RequestLimitExceeded", defaultSpec.RateLimitErrorCode);
            Assert.Equal("MissingParameter", defaultSpec.MissingErrorCode);
        }
    }
}
