using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>The generated EmrClient against an in-process server on 127.0.0.1 that verifies every signature.</summary>
    public class LoopbackClientTests
    {
        private const string SecretKey = "testsecretkey0123456789";

        [Fact]
        public async Task A_request_is_sent_as_the_official_SDKs_send_it_signed_and_read_as_the_typed_response()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Success("req-1")));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(token: "session-token-xyz"), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            dynamic response = await client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None);

            Assert.Equal("emr-abcd1234", (string)response.InstanceId);
            Assert.Equal("req-1", (string)response.RequestId);
            ReceivedRequest received = Assert.Single(server.Received);
            Assert.True(received.SignatureValid);
            Assert.Equal("POST", received.Method);
            Assert.Equal("/", received.Path);
            Assert.Equal("CreateInstance", received.Headers["X-TC-Action"]);
            Assert.Equal("2019-01-03", received.Headers["X-TC-Version"]);
            Assert.Equal("ap-guangzhou", received.Headers["X-TC-Region"]);
            Assert.Equal("session-token-xyz", received.Headers["X-TC-Token"]);
            Assert.Equal("application/json", received.Headers["Content-Type"]);
            Assert.StartsWith("TC3-HMAC-SHA256 Credential=AKIDtestid0123456789/", received.Headers["Authorization"]);
            Assert.Contains("/emr/tc3_request, SignedHeaders=content-type;host, Signature=", received.Headers["Authorization"]);
            Assert.InRange(long.Parse(received.Headers["X-TC-Timestamp"]), DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1);
            var body = JsonNode.Parse(received.Body)!;
            Assert.Equal("emr_test", (string)body["InstanceName"]!);
            Assert.True(Guid.TryParse((string)body["ClientToken"]!, out _), "an empty ClientToken is filled with a new GUID");
        }

        [Theory]
        [InlineData("InvalidParameter.InvalidTimeUnit", "InvalidParameter_InvalidTimeUnit")]
        [InlineData("FailedOperation.DuplicateOrderNotAllowed", "FailedOperation_DuplicateOrderNotAllowed")]
        [InlineData("ResourceInsufficient.DiskInsufficient", "ResourceInsufficient_DiskInsufficient")]
        [InlineData("InternalError.CheckQuotaErr", "InternalError_CheckQuotaErr")]
        [InlineData("UnknownCode.FromTheFuture", "Unknown")]
        public async Task An_error_envelope_becomes_ApiException_with_the_typed_code_and_is_not_retried(string code, string kind)
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Error(code, "went wrong", "req-err")));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            Exception exception = await GeneratedClient.ThrowsAsync(() => client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));

            Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));
            dynamic api = exception;
            Assert.Equal(code, (string)api.Code.Code);
            Assert.Equal(kind, api.Code.Kind.ToString());
            Assert.Equal("req-err", (string)api.RequestId);
            Assert.Equal("CreateInstance", (string)api.Action);
            Assert.True((bool)api.IsApiError);
            Assert.Equal("CreateInstance: " + code + ": went wrong (RequestId req-err)", exception.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task RequestLimitExceeded_is_retried_once_with_the_same_ClientToken_then_succeeds()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index == 0
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", "req-a"))
                : new Answer(200, LoopbackServer.Success("req-b")));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            dynamic request = GeneratedClient.Request();
            dynamic response = await client.CreateInstanceAsync(request, CancellationToken.None);

            Assert.Equal("req-b", (string)response.RequestId);
            var received = server.Received.ToArray();
            Assert.Equal(2, received.Length);
            Assert.All(received, r => Assert.True(r.SignatureValid));
            string[] tokens = received.Select(r => (string)JsonNode.Parse(r.Body)!["ClientToken"]!).ToArray();
            Assert.False(string.IsNullOrEmpty(tokens[0]));
            Assert.Equal(tokens[0], tokens[1]);
            Assert.Equal(tokens[0], (string)request.ClientToken);
        }

        [Fact]
        public async Task A_code_the_spec_marks_retryable_is_retried_and_a_callers_ClientToken_is_kept()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index < 2
                ? new Answer(200, LoopbackServer.Error("InternalError.CvmError", "busy", "req-" + index))
                : new Answer(200, LoopbackServer.Success("req-ok")));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            dynamic request = GeneratedClient.Request();
            request.ClientToken = "caller-token-1";
            dynamic response = await client.CreateInstanceAsync(request, CancellationToken.None);

            Assert.Equal("req-ok", (string)response.RequestId);
            Assert.Equal(new[] { "caller-token-1", "caller-token-1", "caller-token-1" }, server.Received.Select(r => (string)JsonNode.Parse(r.Body)!["ClientToken"]!).ToArray());
        }

        [Fact]
        public async Task Server_errors_are_retried_up_to_MaxRetries_then_reported_with_the_HTTP_status()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(500, "<html>Internal Server Error</html>"));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint, maxRetries: 2));
            Exception exception = await GeneratedClient.ThrowsAsync(() => client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));

            Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));
            dynamic api = exception;
            Assert.False((bool)api.IsApiError);
            Assert.Equal(500, (int?)api.HttpStatus);
            Assert.Contains("is not the API's", exception.Message);
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task A_non_JSON_answer_is_an_ApiException_that_says_so_with_the_status()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, "Service Unavailable, try later"));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            Exception exception = await GeneratedClient.ThrowsAsync(() => client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));

            Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));
            Assert.Equal(200, (int?)((dynamic)exception).HttpStatus);
            Assert.Contains("not the API's {\"Response\": ...} envelope", exception.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task A_slow_answer_times_out_and_cancellation_ends_the_call()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Success("late"), TimeSpan.FromSeconds(20)));
            dynamic timingOutOptions = GeneratedClient.Options(server.Endpoint, maxRetries: 1, timeoutSeconds: 0.3);
            var attempts = new System.Collections.Concurrent.ConcurrentQueue<object>();
            timingOutOptions.OnRequest = (dynamic)GeneratedClient.Hook(GeneratedClient.Type("ApiClientRequestInfo"), attempts.Enqueue);
            dynamic timingOut = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", timingOutOptions);
            var clock = Stopwatch.StartNew();
            Exception timeout = await GeneratedClient.ThrowsAsync(() => timingOut.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));
            Assert.IsType<TimeoutException>(timeout);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.6), TimeSpan.FromSeconds(10));

            // Idempotent (ClientToken): retried once. Counted where the client sends, since a loaded server may not have
            // read the second attempt before the client gave up on it.
            Assert.Equal(2, attempts.Count);
            Assert.InRange(server.Received.Count, 1, 2);

            dynamic patient = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint, timeoutSeconds: 60));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            clock.Restart();
            Exception cancelled = await GeneratedClient.ThrowsAsync(() => patient.CreateInstanceAsync(GeneratedClient.Request(), cancel.Token));
            Assert.IsAssignableFrom<OperationCanceledException>(cancelled);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        }

        [Fact]
        public async Task Fifty_calls_at_the_specs_20_per_second_take_at_least_2_seconds()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => new Answer(200, LoopbackServer.Success("req-" + index)));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint, maxRetries: 0));
            var clock = Stopwatch.StartNew();
            Task[] calls = Enumerable.Range(0, 50).Select(_ => (Task)client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None)).ToArray();
            await Task.WhenAll(calls);
            clock.Stop();

            Assert.Equal(50, server.Received.Count);
            Assert.All(server.Received, r => Assert.True(r.SignatureValid));
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        }

        [Fact]
        public async Task An_invalid_request_is_not_sent()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Success("never")));
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint));
            dynamic request = GeneratedClient.Request(GeneratedClient.ValidRequestJson.Replace("\"TimeUnit\":\"s\"", "\"TimeUnit\":\"m\""));
            Exception exception = await GeneratedClient.ThrowsAsync(() => client.CreateInstanceAsync(request, CancellationToken.None));

            Assert.Equal("ApiValidationException", exception.GetType().Name);
            Assert.Empty(server.Received);
        }

        [Fact]
        public async Task Hooks_see_every_attempt_with_the_secret_parts_masked_and_no_secret_reaches_an_exception()
        {
            const string token = "session-token-secret-value";
            using var server = new LoopbackServer(SecretKey, (index, _) => index == 0
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", "req-a"))
                : new Answer(200, LoopbackServer.Error("InvalidParameter.InvalidTimeUnit", "bad unit", "req-b")));
            var requests = new System.Collections.Concurrent.ConcurrentQueue<object>();
            var responses = new System.Collections.Concurrent.ConcurrentQueue<object>();
            dynamic options = GeneratedClient.Options(server.Endpoint);
            options.OnRequest = (dynamic)GeneratedClient.Hook(GeneratedClient.Type("ApiClientRequestInfo"), requests.Enqueue);
            options.OnResponse = (dynamic)GeneratedClient.Hook(GeneratedClient.Type("ApiClientResponseInfo"), responses.Enqueue);
            dynamic client = GeneratedClient.Client(GeneratedClient.Credential(token: token), "ap-guangzhou", options);
            Exception exception = await GeneratedClient.ThrowsAsync(() => client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));

            Assert.Equal(2, requests.Count);
            Assert.Equal(new[] { true, false }, responses.Select(r => (bool)((dynamic)r).WillRetry).ToArray());
            Assert.Equal(new[] { "RequestLimitExceeded", "InvalidParameter.InvalidTimeUnit" }, responses.Select(r => (string)((dynamic)r).ErrorCode).ToArray());
            string signature = server.Received.First().Headers["Authorization"].Split("Signature=")[1];
            foreach (dynamic info in requests)
            {
                var headers = ((System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, string>>)info.Headers).ToDictionary(h => h.Key, h => h.Value);
                Assert.Equal("CreateInstance", headers["X-TC-Action"]);
                Assert.Equal("****", headers["X-TC-Token"]);
                Assert.EndsWith("Signature=****", headers["Authorization"]);
                string all = string.Join("\n", headers.Select(h => h.Key + ": " + h.Value));
                Assert.DoesNotContain(token, all);
                Assert.DoesNotContain(SecretKey, all);
                Assert.DoesNotContain(signature, all);
                Assert.DoesNotContain("Emr@2019abc", all);
            }

            Assert.DoesNotContain(token, exception.ToString());
            Assert.DoesNotContain(SecretKey, exception.ToString());
            Assert.DoesNotContain("Emr@2019abc", exception.ToString());
        }

        [Fact]
        public async Task A_callers_HttpClient_is_used_so_its_handlers_see_every_request()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Success("req-h")));
            var counting = new CountingHandler { InnerHandler = new System.Net.Http.HttpClientHandler() };
            using var http = new System.Net.Http.HttpClient(counting);
            dynamic client = Activator.CreateInstance(GeneratedClient.Type("EmrClient"), GeneratedClient.Credential(), "ap-guangzhou", GeneratedClient.Options(server.Endpoint), http)!;
            await client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None);
            await client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None);
            Assert.Equal(2, counting.Count);
            Assert.Equal(2, server.Received.Count);
        }

        private sealed class CountingHandler : System.Net.Http.DelegatingHandler
        {
            private int _count;

            public int Count => _count;

            protected override Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref _count);
                return base.SendAsync(request, cancellationToken);
            }
        }

        [Fact]
        public void Credentials_from_the_environment_name_the_missing_variable_and_never_show_the_key()
        {
            MethodInfo fromEnvironment = GeneratedClient.Type("ApiCredential").GetMethod("FromEnvironment")!;
            string? saved = Environment.GetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY");
            string? savedId = Environment.GetEnvironmentVariable("TENCENTCLOUD_SECRET_ID");
            try
            {
                Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_ID", "AKIDfromenvironment01");
                Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY", null);
                var missing = Assert.Throws<TargetInvocationException>(() => fromEnvironment.Invoke(null, null)).InnerException!;
                Assert.IsType<InvalidOperationException>(missing);
                Assert.Contains("TENCENTCLOUD_SECRET_KEY is not set", missing.Message);

                Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY", "the-secret-key-value");
                object credential = fromEnvironment.Invoke(null, null)!;
                Assert.Equal("AKIDfromenvironment01", (string)((dynamic)credential).SecretId);
                Assert.DoesNotContain("the-secret-key-value", credential.ToString());
                Assert.DoesNotContain("fromenvironment", credential.ToString());
            }
            finally
            {
                Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_ID", savedId);
                Environment.SetEnvironmentVariable("TENCENTCLOUD_SECRET_KEY", saved);
            }
        }
    }
}
