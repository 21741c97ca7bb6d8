extern alias runtime;

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using ApiTelemetry = runtime::Emr.Codegen.Runtime.ApiTelemetry;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// The sender's logs, spans and metrics, seen by a real ILogger, ActivityListener and MeterListener around the default
    /// spec's EmrClient and a loopback server. Listeners are process-wide and tests run in parallel, so each test keeps only
    /// the spans sent to its own server's port and the measurements made in its own async flow.
    /// </summary>
    public class TelemetryTests
    {
        private const string SecretId = "AKIDtelemetry0123456789";
        private const string SecretKey = "telemetry-secret-key-0123456789";
        private const string Token = "telemetry-session-token-abcdef";
        private const string Password = "Emr@2019abc";

        [Fact]
        public void The_source_and_meter_are_named_as_documented_and_versioned_as_the_runtime()
        {
            Assert.Equal("Emr.Codegen", ApiTelemetry.SourceName);
            Assert.Equal("Emr.Codegen", ApiTelemetry.MeterName);
            Assert.Equal("rpc.client.duration", ApiTelemetry.CallDurationName);
            Assert.Equal("tencentcloud.client.attempts", ApiTelemetry.AttemptsName);

            // Constants do not start the type: its source and meter exist once its static fields are set.
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(ApiTelemetry).TypeHandle);
            using var capture = new Capture(port: -1);
            Assert.Equal(runtime::Emr.Codegen.Runtime.RuntimeContract.PackageVersion, capture.SourceVersion);
            Assert.Equal(runtime::Emr.Codegen.Runtime.RuntimeContract.PackageVersion, capture.MeterVersion);
        }

        [Fact]
        public async Task A_retried_call_is_one_client_span_with_a_child_span_per_attempt()
        {
            string limited = "tel-limited-" + Guid.NewGuid().ToString("N");
            string answered = "tel-ok-" + Guid.NewGuid().ToString("N");
            using var server = new LoopbackServer(SecretKey, (index, _) => index == 0
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", limited))
                : new Answer(200, LoopbackServer.Success(answered)));
            using var capture = new Capture(server.Endpoint.Port);

            dynamic response = await capture.Call(() => Client(server.Endpoint, capture.Logger).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));
            Assert.Equal(answered, (string)response.RequestId);

            Activity call = Assert.Single(capture.Spans, s => s.Kind == ActivityKind.Client);
            Assert.Equal("emr/CreateInstance", call.DisplayName);
            Assert.Equal(ApiTelemetry.SourceName, call.Source.Name);
            Assert.Equal("tencentcloud", call.GetTagItem("rpc.system"));
            Assert.Equal("emr", call.GetTagItem("rpc.service"));
            Assert.Equal("CreateInstance", call.GetTagItem("rpc.method"));
            Assert.Equal("127.0.0.1", call.GetTagItem("server.address"));
            Assert.Equal(server.Endpoint.Port, call.GetTagItem("server.port"));
            Assert.Equal("ap-guangzhou", call.GetTagItem("tencentcloud.region"));
            Assert.Equal(answered, call.GetTagItem("tencentcloud.request_id"));
            Assert.Equal(2, call.GetTagItem("tencentcloud.attempts"));
            Assert.Null(call.GetTagItem("error.type"));
            Assert.Null(call.GetTagItem("tencentcloud.error_code"));
            Assert.Equal(ActivityStatusCode.Unset, call.Status);

            Activity[] attempts = capture.Spans.Where(s => s.Kind == ActivityKind.Internal).OrderBy(s => (int)s.GetTagItem("tencentcloud.attempt")!).ToArray();
            Assert.Equal(2, attempts.Length);
            Assert.All(attempts, a =>
            {
                Assert.Equal("emr/CreateInstance attempt", a.DisplayName);
                Assert.Equal(call.SpanId, a.ParentSpanId);
                Assert.Equal(call.TraceId, a.TraceId);
                Assert.Equal("tencentcloud", a.GetTagItem("rpc.system"));
                Assert.Equal("emr", a.GetTagItem("rpc.service"));
                Assert.Equal("CreateInstance", a.GetTagItem("rpc.method"));
                Assert.Equal(200, a.GetTagItem("http.response.status_code"));
            });
            Assert.Equal(limited, attempts[0].GetTagItem("tencentcloud.request_id"));
            Assert.Equal("RequestLimitExceeded", attempts[0].GetTagItem("tencentcloud.error_code"));
            Assert.Equal("RequestLimitExceeded", attempts[0].GetTagItem("error.type"));
            Assert.Equal(true, attempts[0].GetTagItem("tencentcloud.will_retry"));
            Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
            Assert.Equal(answered, attempts[1].GetTagItem("tencentcloud.request_id"));
            Assert.Null(attempts[1].GetTagItem("error.type"));
            Assert.Equal(false, attempts[1].GetTagItem("tencentcloud.will_retry"));
            Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
            Assert.InRange(attempts[1].StartTimeUtc, attempts[0].StartTimeUtc + attempts[0].Duration, call.StartTimeUtc + call.Duration);

            capture.AssertNothingSecret(server, Password);
        }

        [Fact]
        public async Task The_duration_histogram_and_the_attempt_counter_measure_the_call()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => index == 0
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", "tel-m-1"))
                : new Answer(200, LoopbackServer.Success("tel-m-2")));
            using var capture = new Capture(server.Endpoint.Port);
            var clock = Stopwatch.StartNew();
            await capture.Call(() => Client(server.Endpoint, capture.Logger).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));
            clock.Stop();

            Measurement duration = Assert.Single(capture.Measurements, m => m.Instrument == "rpc.client.duration");
            Assert.Equal("ms", duration.Unit);
            Assert.InRange(duration.Value, 0, clock.Elapsed.TotalMilliseconds);
            Assert.Equal("tencentcloud", duration.Tags["rpc.system"]);
            Assert.Equal("emr", duration.Tags["rpc.service"]);
            Assert.Equal("CreateInstance", duration.Tags["rpc.method"]);
            Assert.False(duration.Tags.ContainsKey("error.type"));

            Measurement[] attempts = capture.Measurements.Where(m => m.Instrument == "tencentcloud.client.attempts").ToArray();
            Assert.Equal(2, attempts.Length);
            Assert.All(attempts, a => Assert.Equal(1, a.Value));
            Assert.Equal(false, attempts[0].Tags["tencentcloud.retry"]);
            Assert.Equal("RequestLimitExceeded", attempts[0].Tags["error.type"]);
            Assert.Equal(true, attempts[1].Tags["tencentcloud.retry"]);
            Assert.False(attempts[1].Tags.ContainsKey("error.type"));

            capture.AssertNothingSecret(server, Password);
        }

        [Fact]
        public async Task A_failed_call_has_the_error_code_on_its_span_measurement_and_log()
        {
            string requestId = "tel-err-" + Guid.NewGuid().ToString("N");
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Error("InvalidParameter.InvalidTimeUnit", "bad time unit", requestId)));
            using var capture = new Capture(server.Endpoint.Port);
            Exception exception = await capture.Call(() => GeneratedClient.ThrowsAsync(() => Client(server.Endpoint, capture.Logger).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None)));
            Assert.Equal("ApiException", RuntimeTypes.NameOf(exception.GetType()));

            Activity call = Assert.Single(capture.Spans, s => s.Kind == ActivityKind.Client);
            Assert.Equal(ActivityStatusCode.Error, call.Status);
            Assert.Equal("InvalidParameter.InvalidTimeUnit", call.StatusDescription);
            Assert.Equal("InvalidParameter.InvalidTimeUnit", call.GetTagItem("error.type"));
            Assert.Equal("InvalidParameter.InvalidTimeUnit", call.GetTagItem("tencentcloud.error_code"));
            Assert.Equal(requestId, call.GetTagItem("tencentcloud.request_id"));
            Assert.Single(capture.Spans, s => s.Kind == ActivityKind.Internal);

            Measurement duration = Assert.Single(capture.Measurements, m => m.Instrument == "rpc.client.duration");
            Assert.Equal("InvalidParameter.InvalidTimeUnit", duration.Tags["error.type"]);

            Assert.Equal(new[] { 1, 2, 4 }, capture.Logs.Select(l => l.EventId.Id).ToArray());
            LogEntry failed = capture.Logs.Last();
            Assert.Equal(LogLevel.Warning, failed.Level);
            Assert.Equal("CallFailed", failed.EventId.Name);
            Assert.Equal("CreateInstance", failed.Value("Action"));
            Assert.Equal(1, failed.Value("Attempts"));
            Assert.Equal("InvalidParameter.InvalidTimeUnit", failed.Value("ErrorType"));
            Assert.Equal(requestId, failed.Value("RequestId"));
            Assert.Contains(requestId, failed.Message);

            capture.AssertNothingSecret(server, Password);
        }

        [Fact]
        public async Task The_logger_records_each_attempt_answer_and_retry_with_stable_event_ids()
        {
            string limited = "tel-log-1-" + Guid.NewGuid().ToString("N");
            string answered = "tel-log-2-" + Guid.NewGuid().ToString("N");
            using var server = new LoopbackServer(SecretKey, (index, _) => index == 0
                ? new Answer(200, LoopbackServer.Error("RequestLimitExceeded", "slow down", limited))
                : new Answer(200, LoopbackServer.Success(answered)));
            using var capture = new Capture(server.Endpoint.Port);
            await capture.Call(() => Client(server.Endpoint, capture.Logger).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None));

            LogEntry[] logs = capture.Logs.ToArray();
            Assert.Equal(new[] { 1, 2, 3, 1, 2 }, logs.Select(l => l.EventId.Id).ToArray());
            Assert.Equal(new[] { "AttemptSent", "AnswerReceived", "RetryScheduled", "AttemptSent", "AnswerReceived" }, logs.Select(l => l.EventId.Name).ToArray());
            Assert.Equal(new[] { LogLevel.Debug, LogLevel.Debug, LogLevel.Warning, LogLevel.Debug, LogLevel.Debug }, logs.Select(l => l.Level).ToArray());

            Assert.Equal("CreateInstance", logs[0].Value("Action"));
            Assert.Equal("ap-guangzhou", logs[0].Value("Region"));
            Assert.Equal(1, logs[0].Value("Attempt"));
            Assert.Equal("127.0.0.1", logs[0].Value("Host"));

            Assert.Equal(limited, logs[1].Value("RequestId"));
            Assert.Equal("RequestLimitExceeded", logs[1].Value("ErrorCode"));
            Assert.Equal(200, logs[1].Value("StatusCode"));
            Assert.IsType<double>(logs[1].Value("ElapsedMs"));
            Assert.Contains(limited, logs[1].Message);

            Assert.Equal("RequestLimitExceeded", logs[2].Value("Reason"));
            Assert.Equal(1, logs[2].Value("Attempt"));
            Assert.InRange((double)logs[2].Value("DelayMs")!, 0, 20);

            Assert.Equal(2, logs[3].Value("Attempt"));
            Assert.Equal(answered, logs[4].Value("RequestId"));
            Assert.Null(logs[4].Value("ErrorCode"));

            capture.AssertNothingSecret(server, Password);
        }

        [Fact]
        public async Task A_refused_connection_is_an_attempt_span_and_a_retry_with_the_connection_error()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop(); // nothing listens there now
            var endpoint = new Uri("http://127.0.0.1:" + port + "/");
            using var capture = new Capture(port);
            Exception exception = await capture.Call(() => GeneratedClient.ThrowsAsync(() => Client(endpoint, capture.Logger, maxRetries: 1).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None)));
            Assert.IsType<System.Net.Http.HttpRequestException>(exception);

            Activity call = Assert.Single(capture.Spans, s => s.Kind == ActivityKind.Client);
            Assert.Equal("connection_error", call.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, call.Status);
            Assert.Null(call.GetTagItem("tencentcloud.request_id"));
            Activity[] attempts = capture.Spans.Where(s => s.Kind == ActivityKind.Internal).ToArray();
            Assert.Equal(2, attempts.Length);
            Assert.All(attempts, a => Assert.Equal("connection_error", a.GetTagItem("error.type")));
            Assert.All(attempts, a => Assert.Null(a.GetTagItem("http.response.status_code")));

            Assert.Equal(new[] { 1, 3, 1, 4 }, capture.Logs.Select(l => l.EventId.Id).ToArray());
            Assert.Equal("connection_error", capture.Logs[1].Value("Reason"));
            Assert.Equal(2, capture.Logs[3].Value("Attempts"));
            Assert.Equal("connection_error", capture.Logs[3].Value("ErrorType"));
            Assert.Null(capture.Logs[3].Value("RequestId"));

            capture.AssertNothingSecret(server: null, Password);
        }

        [Fact]
        public async Task A_wait_for_the_rate_limit_is_logged_only_when_a_call_really_waits()
        {
            using var server = new LoopbackServer(SecretKey, (index, _) => new Answer(200, LoopbackServer.Success("tel-rate-" + index)));
            using var capture = new Capture(server.Endpoint.Port);
            dynamic client = Client(server.Endpoint, capture.Logger, maxRetries: 0);

            // The spec allows CreateInstance 20 per second: of 24 calls started together, the last ones wait.
            await capture.Run(() => Task.WhenAll(Enumerable.Range(0, 24).Select(_ => (Task)client.CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None))));

            LogEntry[] waits = capture.Logs.Where(l => l.EventId.Id == 5).ToArray();
            Assert.InRange(waits.Length, 1, 4);
            Assert.All(waits, w =>
            {
                Assert.Equal(LogLevel.Debug, w.Level);
                Assert.Equal("RateLimitWait", w.EventId.Name);
                Assert.Equal("CreateInstance", w.Value("Action"));
                Assert.Equal(20, w.Value("RequestsPerSecond"));
                Assert.InRange((double)w.Value("WaitMs")!, 0.001, 1000);
            });
            Assert.Equal(24, capture.Logs.Count(l => l.EventId.Id == 2));
        }

        [Fact]
        public async Task Without_a_logger_or_listener_a_call_still_succeeds()
        {
            using var server = new LoopbackServer(SecretKey, (_, _) => new Answer(200, LoopbackServer.Success("tel-quiet")));
            dynamic response = await Client(server.Endpoint, logger: null).CreateInstanceAsync(GeneratedClient.Request(), CancellationToken.None);
            Assert.Equal("tel-quiet", (string)response.RequestId);
        }

        private static dynamic Client(Uri endpoint, ILogger? logger, int maxRetries = 3)
        {
            dynamic options = GeneratedClient.Options(endpoint, maxRetries);
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            options.Logger = logger;
            return GeneratedClient.Client(GeneratedClient.Credential(SecretId, SecretKey, Token), "ap-guangzhou", options);
        }

        /// <summary>One measurement: which instrument, its unit, the value and the tags.</summary>
        private sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

        /// <summary>One log entry with its structured state.</summary>
        private sealed record LogEntry(LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
        {
            public object? Value(string name) => State.Single(p => p.Key == name).Value;
        }

        /// <summary>An ILogger that keeps every entry, every level enabled.</summary>
        private sealed class RecordingLogger : ILogger
        {
            public ConcurrentQueue<LogEntry> Entries { get; } = new();

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
                Entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), pairs.ToArray(), exception));
            }
        }

        /// <summary>
        /// Listens to the runtime's source and meter for one test: spans whose <c>server.port</c> is the test's, and
        /// measurements recorded in the async flow that <see cref="Run{T}"/> marks.
        /// </summary>
        private sealed class Capture : IDisposable
        {
            private static readonly AsyncLocal<Capture?> s_current = new();
            private readonly ActivityListener _activities;
            private readonly MeterListener _meters;
            private readonly ConcurrentQueue<Activity> _spans = new();
            private readonly ConcurrentQueue<Measurement> _measurements = new();
            private readonly RecordingLogger _logger = new();

            public Capture(int port)
            {
                _activities = new ActivityListener
                {
                    ShouldListenTo = source =>
                    {
                        if (source.Name == ApiTelemetry.SourceName)
                        {
                            SourceVersion = source.Version;
                            return true;
                        }

                        return false;
                    },
                    Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                    ActivityStopped = activity =>
                    {
                        if (activity.Source.Name == ApiTelemetry.SourceName && Equals(activity.GetTagItem("server.port"), port))
                        {
                            _spans.Enqueue(activity);
                        }
                    },
                };
                ActivitySource.AddActivityListener(_activities);

                _meters = new MeterListener
                {
                    InstrumentPublished = (instrument, listener) =>
                    {
                        if (instrument.Meter.Name == ApiTelemetry.MeterName)
                        {
                            MeterVersion = instrument.Meter.Version;
                            listener.EnableMeasurementEvents(instrument);
                        }
                    },
                };
                _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
                _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
                _meters.Start();
            }

            public string? SourceVersion { get; private set; }

            public string? MeterVersion { get; private set; }

            public ILogger Logger => _logger;

            public Activity[] Spans => _spans.ToArray();

            public Measurement[] Measurements => _measurements.ToArray();

            public LogEntry[] Logs => _logger.Entries.ToArray();

            /// <summary>Runs the test's calls in a flow marked as this capture's, so that its measurements can be told apart.</summary>
            public async Task Run(Func<Task> calls)
            {
                s_current.Value = this;
                await calls();
            }

            /// <summary>The same for one call of the generated client, reached by dynamic: its awaited result.</summary>
            public async Task<dynamic> Call(Func<dynamic> call)
            {
                s_current.Value = this;
                return await call();
            }

            /// <summary>
            /// No span name, attribute, status, measurement tag, log message or log value holds the credential, the
            /// signature or the request's password.
            /// </summary>
            public void AssertNothingSecret(LoopbackServer? server, string password)
            {
                var secrets = new List<(string Name, string Value)> { ("the SecretId", SecretId), ("the SecretKey", SecretKey), ("the token", Token), ("the password", password) };
                foreach (ReceivedRequest received in server?.Received ?? Enumerable.Empty<ReceivedRequest>())
                {
                    string authorization = received.Headers["Authorization"];
                    secrets.Add(("the Authorization header", authorization));
                    secrets.Add(("the signature", authorization.Substring(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)));
                    Assert.Contains(password, received.Body); // the password was really sent
                }

                var seen = new List<string>();
                foreach (Activity span in Spans)
                {
                    seen.Add(span.DisplayName);
                    seen.Add(span.OperationName);
                    seen.Add(span.StatusDescription ?? string.Empty);
                    seen.AddRange(span.TagObjects.Select(t => t.Key + "=" + t.Value));
                    seen.AddRange(span.Events.Select(e => e.Name));
                    seen.AddRange(span.Baggage.Select(b => b.Key + "=" + b.Value));
                }

                seen.AddRange(Measurements.SelectMany(m => m.Tags.Select(t => t.Key + "=" + t.Value)));
                foreach (LogEntry log in Logs)
                {
                    seen.Add(log.Message);
                    seen.AddRange(log.State.Select(p => p.Key + "=" + p.Value));
                    Assert.Null(log.Exception);
                }

                Assert.NotEmpty(seen);
                foreach (var (name, value) in secrets)
                {
                    string? leak = seen.FirstOrDefault(s => s.Contains(value, StringComparison.Ordinal));
                    Assert.True(leak == null, name + " was reported: " + leak);
                }
            }

            public void Dispose()
            {
                _activities.Dispose();
                _meters.Dispose();
            }

            private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            {
                if (s_current.Value == this)
                {
                    _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
                }
            }
        }
    }
}
