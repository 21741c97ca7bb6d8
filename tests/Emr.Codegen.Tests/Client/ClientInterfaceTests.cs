using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Client
{
    /// <summary>Each client implements an interface of its actions (IEmrClient), so code can take it and a test can substitute it.</summary>
    public class ClientInterfaceTests
    {
        private const string Source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Emr.V20190103;

            public sealed class FakeEmr : IEmrClient
            {
                public System.Uri Endpoint { get; } = new System.Uri("http://127.0.0.1/");

                public Task<CreateInstanceResponse> CreateInstanceAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default) =>
                    Task.FromResult(CreateInstanceResponse.ParseEnvelope("{\"Response\":{\"InstanceId\":\"emr-fake\",\"RequestId\":\"req-fake\"}}"));

                // The cluster is running from the second poll on; two pages of one cluster each.
                public int Polls { get; private set; }

                public Task<DescribeInstancesResponse> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default) =>
                    Task.FromResult(DescribeInstancesResponse.ParseEnvelope("{\"Response\":{\"TotalCnt\":2,\"ClusterList\":[{\"ClusterId\":\"emr-page" + (request.Offset ?? 0) + "\",\"Status\":" + (++Polls > 1 ? 2 : 3) + "}],\"RequestId\":\"req-fake\"}}"));
            }

            public static class Code
            {
                public static async Task<string> Create(IEmrClient client) =>
                    (await client.CreateInstanceAsync(new CreateInstanceRequest
                    {
                        ProductId = 16, VPCSettings = new VPCSettings { VpcId = "vpc-1", SubnetId = "subnet-1" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0,
                        InstanceName = "emr_test", PayMode = 0, Placement = new Placement { Zone = "ap-guangzhou-3" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings(),
                    })).InstanceId!;

                public static async Task<string> WaitAndList(FakeEmr client)
                {
                    var running = await client.WaitUntilClusterRunningAsync(new DescribeInstancesRequest { DisplayStrategy = "clusterList" }, new Emr.Codegen.Runtime.ApiWaiterOptions { MinDelay = System.TimeSpan.Zero, MaxDelay = System.TimeSpan.Zero });
                    int polls = client.Polls;
                    var ids = new System.Collections.Generic.List<string>();
                    await foreach (ClusterInstancesInfo cluster in client.DescribeInstancesItemsAsync(new DescribeInstancesRequest { DisplayStrategy = "clusterList" }))
                    {
                        ids.Add(cluster.ClusterId!);
                    }

                    return running.ClusterList![0].Status + " after " + polls + " polls; " + string.Join(",", ids);
                }

                public static bool ClientImplementsIt() => typeof(IEmrClient).IsAssignableFrom(typeof(EmrClient));
            }
            """;

        [Fact]
        public async Task The_generated_client_implements_its_interface_and_a_fake_can_stand_in_for_it()
        {
            GeneratorHarness.Result result = GeneratorHarness.RunDefault(Source);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Assembly assembly = GeneratorHarness.Load(result.Output);
            System.Type code = assembly.GetType("Code")!;
            Assert.True((bool)code.GetMethod("ClientImplementsIt")!.Invoke(null, null)!);

            object fake = System.Activator.CreateInstance(assembly.GetType("FakeEmr")!)!;
            string id = await (Task<string>)code.GetMethod("Create")!.Invoke(null, new[] { fake })!;
            Assert.Equal("emr-fake", id);

            // The waiters and paginators are extension methods on the interface, so they work through a fake too.
            Assert.Equal("2 after 2 polls; emr-page0,emr-page1", await (Task<string>)code.GetMethod("WaitAndList")!.Invoke(null, new[] { fake })!);

            System.Type contract = assembly.GetType("Emr.V20190103.IEmrClient")!;
            Assert.Equal(new[] { "CreateInstanceAsync", "DescribeInstancesAsync", "get_Endpoint" }, contract.GetMethods().Select(m => m.Name).OrderBy(n => n, System.StringComparer.Ordinal));
        }
    }
}
