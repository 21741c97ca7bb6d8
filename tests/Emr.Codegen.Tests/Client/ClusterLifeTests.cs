using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>
    /// The default spec's waiter (ClusterRunning) and paginator (DescribeInstances), through the generated client against
    /// a loopback stand-in that plays a cluster's life: 3 -> 6 -> 2, 3 -> 301, never ready, transient errors, 250 clusters
    /// over pages, a server that repeats a page, and answers whose members deviate from their documented types.
    /// </summary>
    public class ClusterLifeTests
    {
        private const string SecretKey = "cluster-life-secret-key";

        private const string Source = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Emr.Codegen.Runtime;
            using Emr.V20190103;

            public static class Life
            {
                private sealed class Recorder : IProgress<ApiWaiterProgress>
                {
                    private readonly List<string> _seen;
                    public Recorder(List<string> seen) => _seen = seen;
                    public void Report(ApiWaiterProgress value) { lock (_seen) { _seen.Add(value.Attempt + ": " + (value.State ?? "-") + (value.Error != null ? " !" : string.Empty)); } }
                }

                public static EmrClient Client(Uri endpoint) =>
                    new EmrClient(new ApiCredential("AKIDclusterlife0001", "cluster-life-secret-key"), "ap-guangzhou",
                        new ApiClientOptions { Endpoint = endpoint, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });

                public static async Task<string> WaitRunning(Uri endpoint, double maxWaitSeconds, List<string> seen, CancellationToken cancellationToken)
                {
                    var request = new DescribeInstancesRequest { DisplayStrategy = "clusterList", InstanceIds = ["emr-life0001"] };
                    var options = new ApiWaiterOptions { MaxWait = TimeSpan.FromSeconds(maxWaitSeconds), MinDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40), Progress = new Recorder(seen) };
                    try
                    {
                        DescribeInstancesResponse done = await Client(endpoint).WaitUntilClusterRunningAsync(request, options, cancellationToken);
                        return "running " + done.ClusterList![0].ClusterId + " " + done.ClusterList[0].Status;
                    }
                    catch (WaiterFailedException exception)
                    {
                        return "failed " + exception.LastState + " after " + exception.Attempts;
                    }
                    catch (WaiterTimeoutException exception)
                    {
                        return "timeout " + exception.LastState + (exception.InnerException != null ? " (" + exception.InnerException.GetType().Name + ")" : string.Empty);
                    }
                }

                public static async Task<List<string>> Pages(Uri endpoint, int? limit, CancellationToken cancellationToken)
                {
                    var pages = new List<string>();
                    var request = new DescribeInstancesRequest { DisplayStrategy = "clusterList", Limit = (ulong?)limit };
                    await foreach (DescribeInstancesResponse page in Client(endpoint).DescribeInstancesPagesAsync(request, cancellationToken))
                    {
                        pages.Add((page.ClusterList?.Count ?? 0) + " of " + page.TotalCnt + (page.Deviations.Count > 0 ? " deviations " + string.Join(",", page.Deviations.Select(d => d.Path)) : string.Empty));
                    }

                    pages.Add("request offset after paging: " + (request.Offset?.ToString() ?? "unset"));
                    return pages;
                }

                public static async Task<List<string>> Items(IEmrClient client, CancellationToken cancellationToken)
                {
                    var ids = new List<string>();
                    await foreach (ClusterInstancesInfo cluster in client.DescribeInstancesItemsAsync(new DescribeInstancesRequest { DisplayStrategy = "clusterList", Limit = 100 }, cancellationToken))
                    {
                        ids.Add(cluster.ClusterId + "=" + cluster.Status);
                    }

                    return ids;
                }
            }
            """;

        private static readonly Lazy<Assembly> Compiled = new(() =>
        {
            GeneratorHarness.Result result = GeneratorHarness.RunDefault(Source);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return GeneratorHarness.Load(result.Output);
        });

        private static MethodInfo Method(string name) => Compiled.Value.GetType("Life")!.GetMethod(name)!;

        private static string Cluster(string id, object status) =>
            "{\"ClusterId\":\"" + id + "\",\"ClusterName\":\"life\",\"Status\":" + (status is string text ? "\"" + text + "\"" : status) + "}";

        private static string Clusters(string requestId, long? total, IEnumerable<string> clusters, string totalJson = "") =>
            "{\"Response\":{" + (total is long t ? "\"TotalCnt\":" + t + "," : totalJson) + "\"ClusterList\":[" + string.Join(",", clusters) + "],\"RequestId\":\"" + requestId + "\"}}";

        private static Answer StatusAnswer(int index, object status) => new(200, Clusters("req-" + index, 1, new[] { Cluster("emr-life0001", status) }));

        private static async Task<(string Outcome, List<string> Seen)> WaitAsync(LoopbackServer server, double maxWaitSeconds = 20, System.Threading.CancellationToken cancellationToken = default)
        {
            var seen = new List<string>();
            string outcome = await (Task<string>)Method("WaitRunning").Invoke(null, new object[] { server.Endpoint, maxWaitSeconds, seen, cancellationToken })!;
            return (outcome, seen);
        }

        [Fact]
        public async Task A_cluster_created_then_installing_then_running_ends_the_wait_with_the_running_answer_and_reports_each_state()
        {
            int[] life = { 3, 6, 2 };
            using var server = new LoopbackServer(SecretKey, (i, _) => StatusAnswer(i, life[Math.Min(i, life.Length - 1)]));
            var (outcome, seen) = await WaitAsync(server);
            Assert.Equal("running emr-life0001 2", outcome);
            Assert.Equal(new[] { "1: ClusterList[].Status = 3", "2: ClusterList[].Status = 6", "3: ClusterList[].Status = 2" }, seen);
            Assert.Equal(3, server.Received.Count);
            Assert.All(server.Received, r =>
            {
                Assert.True(r.SignatureValid);
                Assert.Equal("DescribeInstances", r.Headers["X-TC-Action"]);
                Assert.Equal("{\"DisplayStrategy\":\"clusterList\",\"InstanceIds\":[\"emr-life0001\"]}", r.Body);
            });
        }

        [Fact]
        public async Task A_cluster_whose_creation_fails_ends_the_wait_with_WaiterFailedException_naming_status_301()
        {
            int[] life = { 3, 301 };
            using var server = new LoopbackServer(SecretKey, (i, _) => StatusAnswer(i, life[Math.Min(i, life.Length - 1)]));
            var (outcome, _) = await WaitAsync(server);
            Assert.Equal("failed ClusterList[].Status = 301 after 2", outcome);
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task A_cluster_that_is_never_ready_ends_with_a_TimeoutException_naming_the_state_seen_last()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => StatusAnswer(i, 3));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (outcome, seen) = await WaitAsync(server, maxWaitSeconds: 0.5);
            Assert.Equal("timeout ClusterList[].Status = 3", outcome);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the time limit ends the wait: " + clock.Elapsed);
            Assert.True(server.Received.Count >= 3, "polled until the limit: " + server.Received.Count);
            Assert.Equal(server.Received.Count, seen.Count);
        }

        [Fact]
        public async Task Transient_errors_mid_wait_are_polled_again_and_the_wait_still_succeeds()
        {
            // InternalError is retryable in the spec; a gateway's 503 or 429 without the API's envelope is a transient failure; right after
            // CreateInstance a cluster may not be listed yet (an empty list, or InstanceNotFound), which is not a verdict.
            Answer[] life =
            {
                StatusAnswer(0, 3),
                new(200, LoopbackServer.Error("InternalError", "try again", "req-1")),
                new(503, "Service Unavailable"),
                new(429, "Too Many Requests"),
                new(200, Clusters("req-3", 0, Array.Empty<string>())),
                new(200, LoopbackServer.Error("ResourceNotFound.InstanceNotFound", "not yet", "req-4")),
                StatusAnswer(5, 2),
            };
            using var server = new LoopbackServer(SecretKey, (i, _) => life[Math.Min(i, life.Length - 1)]);
            var (outcome, seen) = await WaitAsync(server);
            Assert.Equal("running emr-life0001 2", outcome);
            Assert.Equal(
                new[] { "1: ClusterList[].Status = 3", "2: error InternalError !", "3: an answer that is not the API's (HTTP 503) !", "4: an answer that is not the API's (HTTP 429) !", "5: ClusterList[].Status = (none)", "6: error ResourceNotFound.InstanceNotFound !", "7: ClusterList[].Status = 2" },
                seen);
        }

        [Fact]
        public async Task An_error_no_acceptor_names_and_that_is_not_transient_is_thrown_at_once()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => new Answer(200, LoopbackServer.Error("InvalidParameter.DisplayStrategyNotMatch", "bad strategy", "req-" + i)));
            Exception error = await GeneratedClient.ThrowsAsync(() => WaitAsync(server));
            Assert.Contains("InvalidParameter.DisplayStrategyNotMatch", error.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task A_wait_ended_by_its_time_limit_during_transient_failures_names_the_last_error()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => new Answer(503, "busy"));
            var (outcome, _) = await WaitAsync(server, maxWaitSeconds: 0.3);
            Assert.StartsWith("timeout an answer that is not the API's (HTTP 503)", outcome);
            Assert.EndsWith("(ApiException`1)", outcome);
        }

        [Fact]
        public async Task Cancellation_ends_a_wait()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => StatusAnswer(i, 3));
            using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            Exception error = await GeneratedClient.ThrowsAsync(() => WaitAsync(server, cancellationToken: cancel.Token));
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }

        /// <summary>A DescribeInstances stand-in over <paramref name="count"/> clusters: Offset is the page number, Limit its size (10 when not sent).</summary>
        private static Func<int, ReceivedRequest, Answer> ClusterPages(int count, bool withTotal = true) => (i, request) =>
        {
            using JsonDocument body = JsonDocument.Parse(request.Body);
            long page = body.RootElement.TryGetProperty("Offset", out JsonElement offset) ? offset.GetInt64() : 0;
            long size = body.RootElement.TryGetProperty("Limit", out JsonElement limit) ? limit.GetInt64() : 10;
            var clusters = Enumerable.Range(0, count).Skip((int)(page * size)).Take((int)size).Select(n => Cluster("emr-" + n.ToString("D4"), 2));
            return new Answer(200, Clusters("req-" + i, withTotal ? count : null, clusters));
        };

        private static long[] Offsets(LoopbackServer server) =>
            server.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.TryGetProperty("Offset", out JsonElement o) ? o.GetInt64() : -1).ToArray();

        private static async Task<List<string>> PagesAsync(LoopbackServer server, int? limit, System.Threading.CancellationToken cancellationToken = default) =>
            await (Task<List<string>>)Method("Pages").Invoke(null, new object?[] { server.Endpoint, limit, cancellationToken })!;

        [Fact]
        public async Task Two_hundred_fifty_clusters_come_in_three_pages_of_at_most_one_hundred_asked_for_by_page_number()
        {
            using var server = new LoopbackServer(SecretKey, ClusterPages(250));
            List<string> pages = await PagesAsync(server, 100);
            Assert.Equal(new[] { "100 of 250", "100 of 250", "50 of 250", "request offset after paging: unset" }, pages);
            Assert.Equal(new long[] { -1, 1, 2 }, Offsets(server));
            Assert.All(server.Received, r => Assert.True(r.SignatureValid));
        }

        [Fact]
        public async Task Without_a_limit_the_server_chooses_the_page_size_and_paging_stops_at_the_total()
        {
            using var server = new LoopbackServer(SecretKey, ClusterPages(25));
            List<string> pages = await PagesAsync(server, null);
            Assert.Equal(new[] { "10 of 25", "10 of 25", "5 of 25", "request offset after paging: unset" }, pages);
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task Without_a_total_paging_stops_at_a_short_or_empty_page()
        {
            using (var server = new LoopbackServer(SecretKey, ClusterPages(250, withTotal: false)))
            {
                Assert.Equal(new[] { "100 of ", "100 of ", "50 of ", "request offset after paging: unset" }, await PagesAsync(server, 100));
            }

            using (var server = new LoopbackServer(SecretKey, ClusterPages(200, withTotal: false)))
            {
                Assert.Equal(new[] { "100 of ", "100 of ", "0 of ", "request offset after paging: unset" }, await PagesAsync(server, 100));
            }
        }

        [Fact]
        public async Task A_server_that_repeats_a_page_ends_the_paging_with_an_exception_instead_of_a_loop()
        {
            // The server ignores Offset: every page is the first one.
            using var server = new LoopbackServer(SecretKey, (i, _) => new Answer(200, Clusters("req-" + i, 250, Enumerable.Range(0, 100).Select(n => Cluster("emr-" + n.ToString("D4"), 2)))));
            Exception error = await GeneratedClient.ThrowsAsync(() => PagesAsync(server, 100));
            Assert.Equal("ApiPaginationException", error.GetType().Name);
            Assert.Contains("page 2 repeats most of its items from the pages before", error.Message);
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task Items_come_one_by_one_over_every_page_through_the_interface()
        {
            using var server = new LoopbackServer(SecretKey, ClusterPages(250));
            object client = Method("Client").Invoke(null, new object[] { server.Endpoint })!;
            var ids = await (Task<List<string>>)Method("Items").Invoke(null, new object[] { client, System.Threading.CancellationToken.None })!;
            Assert.Equal(250, ids.Count);
            Assert.Equal(250, ids.Distinct().Count());
            Assert.Equal("emr-0000=2", ids[0]);
            Assert.Equal("emr-0249=2", ids[^1]);
        }

        [Fact]
        public async Task Pages_whose_members_deviate_from_their_types_are_still_read_and_paged()
        {
            // TotalCnt as words and a Status as an object: the pages are read, the deviations kept; without a readable
            // total the short page ends the paging. (Numbers in quotes are read as numbers, as Tencent Cloud sends some.)
            using var server = new LoopbackServer(SecretKey, (i, request) =>
            {
                Answer answer = ClusterPages(150, withTotal: false)(i, request);
                return answer with { Body = answer.Body.Replace("{\"Response\":{", "{\"Response\":{\"TotalCnt\":\"many\",").Replace("\"Status\":2}", "\"Status\":{\"Code\":2}}") };
            });
            List<string> pages = await PagesAsync(server, 100);
            Assert.True(pages.Count == 3, string.Join(" | ", pages));
            Assert.StartsWith("100 of  deviations TotalCnt,ClusterList.0.Status,ClusterList.1.Status", pages[0]);
            Assert.StartsWith("50 of  deviations TotalCnt,ClusterList.0.Status,ClusterList.1.Status", pages[1]);
        }

        [Fact]
        public async Task Cancellation_ends_paging()
        {
            using var server = new LoopbackServer(SecretKey, (i, request) => ClusterPages(250)(i, request) with { Delay = TimeSpan.FromMilliseconds(i == 0 ? 0 : 2000) });
            using var cancel = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            Exception error = await GeneratedClient.ThrowsAsync(() => PagesAsync(server, 100, cancel.Token));
            Assert.IsAssignableFrom<OperationCanceledException>(error);
        }
        [Fact]
        public async Task A_poll_still_running_at_the_time_limit_is_ended_there()
        {
            using var server = new LoopbackServer(SecretKey, (i, _) => StatusAnswer(i, 3) with { Delay = TimeSpan.FromSeconds(i == 0 ? 0 : 20) });
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var (outcome, _) = await WaitAsync(server, maxWaitSeconds: 2);
            Assert.Equal("timeout ClusterList[].Status = 3", outcome);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), "the limit ended the slow poll: " + clock.Elapsed);
        }

        [Fact]
        public async Task A_server_that_caps_its_pages_below_the_limit_is_paged_to_its_total()
        {
            // Limit 200 asked, 100 a page given: with a total, a short page is not the last one.
            using var server = new LoopbackServer(SecretKey, (i, request) =>
            {
                string capped = request.Body.Replace("\"Limit\":200", "\"Limit\":100");
                return ClusterPages(250)(i, request with { Body = capped });
            });
            Assert.Equal(new[] { "100 of 250", "100 of 250", "50 of 250", "request offset after paging: unset" }, await PagesAsync(server, 200));
        }

        [Fact]
        public async Task A_server_that_reads_the_page_number_as_an_item_offset_ends_the_paging_instead_of_overlapping_pages()
        {
            // Offset 1 taken as "skip one cluster": the second page repeats 99 of the first page's 100.
            using var server = new LoopbackServer(SecretKey, (i, request) =>
            {
                using JsonDocument body = JsonDocument.Parse(request.Body);
                long skip = body.RootElement.TryGetProperty("Offset", out JsonElement offset) ? offset.GetInt64() : 0;
                return new Answer(200, Clusters("req-" + i, 250, Enumerable.Range(0, 250).Skip((int)skip).Take(100).Select(n => Cluster("emr-" + n.ToString("D4"), 2))));
            });
            Exception error = await GeneratedClient.ThrowsAsync(() => PagesAsync(server, 100));
            Assert.Equal("ApiPaginationException", error.GetType().Name);
            Assert.Contains("page 2 repeats most of its items from the pages before", error.Message);
        }
    }
}
