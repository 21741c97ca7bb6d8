using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Client;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// Waiters and paginators over Tencent Cloud's own api.json files, given by an overlay: upstream EMR with the default
    /// spec's ClusterRunning waiter, and CVM with a waiter of its own (an instance RUNNING via DescribeInstances'
    /// InstanceState) and an offset-style paginator, which also runs against the loopback stand-in.
    /// </summary>
    public class UpstreamOperationsTests
    {
        private const string EmrOverlay = """
            {"waiters": {"ClusterRunning": {"operation": "DescribeInstances", "delay": 15, "maxDelay": 60, "maxWait": 3600, "acceptors": [
                {"matcher": "pathAll", "path": "ClusterList[].Status", "expected": 2, "state": "success"},
                {"matcher": "pathAny", "path": "ClusterList[].Status", "expected": [301, 302], "state": "failure"}]}},
             "paginators": {"DescribeInstances": {"style": "page", "offset": "Offset", "limit": "Limit", "items": "ClusterList", "total": "TotalCnt"},
                            "DescribeClusterNodes": {"style": "page", "offset": "Offset", "limit": "Limit", "items": "NodeList", "total": "TotalCnt"}}}
            """;

        private const string CvmOverlay = """
            {"waiters": {"InstanceRunning": {"operation": "DescribeInstances", "delay": 5, "maxDelay": 30, "maxWait": 600, "acceptors": [
                {"matcher": "pathAll", "path": "InstanceSet[].InstanceState", "expected": "RUNNING", "state": "success"},
                {"matcher": "pathAny", "path": "InstanceSet[].InstanceState", "expected": ["LAUNCH_FAILED", "TERMINATING", "SHUTDOWN"], "state": "failure"}]}},
             "paginators": {"DescribeInstances": {"style": "offset", "offset": "Offset", "limit": "Limit", "items": "InstanceSet", "total": "TotalCount"}}}
            """;

        private const string CvmSource = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Emr.Codegen.Runtime;
            using Cvm.V20170312;

            public static class CvmLife
            {
                private static CvmClient Client(Uri endpoint) =>
                    new CvmClient(new ApiCredential("AKIDcvmlife0001", "cvm-life-secret"), "ap-guangzhou", new ApiClientOptions { Endpoint = endpoint, RetryBaseDelay = TimeSpan.FromMilliseconds(5) });

                public static async Task<string> WaitThenList(Uri endpoint)
                {
                    DescribeInstancesResponse running = await Client(endpoint).WaitUntilInstanceRunningAsync(
                        new DescribeInstancesRequest { InstanceIds = ["ins-life0001"] },
                        new ApiWaiterOptions { MinDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) });
                    var ids = new List<string>();
                    await foreach (Instance instance in Client(endpoint).DescribeInstancesItemsAsync(new DescribeInstancesRequest { Limit = 20 }))
                    {
                        ids.Add(instance.InstanceId ?? "(none)");
                    }

                    return running.InstanceSet![0].InstanceState + " " + ids.Count + " " + ids[0] + " " + ids[^1];
                }
            }
            """;

        private static GeneratorHarness.Result Run(string file, string overlay, params string[] sources)
        {
            string path = TestPaths.Upstream(file);
            GeneratorHarness.Result result = GeneratorHarness.Run(new[] { (path, File.ReadAllText(path)), ("/specs/overlay.json", overlay) }, sources);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            return result;
        }

        private static string[] Extensions(GeneratorHarness.Result result, string type) =>
            result.Output.GetTypeByMetadataName(type)!.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary)
                .Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

        [SharedFact]
        public void Upstream_emr_with_an_overlay_of_waiters_and_paginators_compiles_warning_free()
        {
            GeneratorHarness.Result result = Run("emr-v20190103-api.intl-en.json", EmrOverlay);
            Assert.Equal(
                new[] { "DescribeClusterNodesItemsAsync", "DescribeClusterNodesPagesAsync", "DescribeInstancesItemsAsync", "DescribeInstancesPagesAsync", "WaitUntilClusterRunningAsync" },
                Extensions(result, "Emr.V20190103.EmrClientExtensions"));
        }

        [SharedFact]
        public async Task Upstream_cvm_with_an_overlay_waits_for_an_instance_and_pages_by_offset()
        {
            GeneratorHarness.Result result = Run("other-services/cvm-v20170312-api.intl-en.json", CvmOverlay, CvmSource);
            Assembly assembly = GeneratorHarness.Load(result.Output);
            string[] states = { "PENDING", "PENDING", "RUNNING" };
            int waits = 0;
            using var server = new LoopbackServer("cvm-life-secret", (i, request) =>
            {
                using var body = System.Text.Json.JsonDocument.Parse(request.Body);
                if (body.RootElement.TryGetProperty("InstanceIds", out _))
                {
                    string state = states[Math.Min(waits++, states.Length - 1)];
                    return new Answer(200, "{\"Response\":{\"TotalCount\":1,\"InstanceSet\":[{\"InstanceId\":\"ins-life0001\",\"InstanceState\":\"" + state + "\"}],\"RequestId\":\"r" + i + "\"}}");
                }

                long offset = body.RootElement.TryGetProperty("Offset", out var o) ? o.GetInt64() : 0;
                var page = Enumerable.Range((int)offset, (int)Math.Max(0, Math.Min(20, 45 - offset))).Select(n => "{\"InstanceId\":\"ins-" + n.ToString("D4") + "\",\"InstanceState\":\"RUNNING\"}");
                return new Answer(200, "{\"Response\":{\"TotalCount\":45,\"InstanceSet\":[" + string.Join(",", page) + "],\"RequestId\":\"r" + i + "\"}}");
            });
            string outcome = await (Task<string>)assembly.GetType("CvmLife")!.GetMethod("WaitThenList")!.Invoke(null, new object[] { server.Endpoint })!;
            Assert.Equal("RUNNING 45 ins-0000 ins-0044", outcome);
            // Three polls, then offsets 0 (unset), 20, 40: an offset counts items.
            Assert.Equal(6, server.Received.Count);
            Assert.Equal(new[] { "", "20", "40" }, server.Received.Skip(3).Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.TryGetProperty("Offset", out var o) ? o.GetRawText() : string.Empty));
        }
    }
}
