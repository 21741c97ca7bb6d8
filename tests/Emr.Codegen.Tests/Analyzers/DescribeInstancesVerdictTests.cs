using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>The default spec's DescribeInstances, as the analyzers judge it where a waiter or paginator is called.</summary>
    public class DescribeInstancesVerdictTests
    {
        private const string Usings = "using System.Threading.Tasks;\nusing Emr.Codegen.Runtime;\nusing Emr.V20190103;\n";

        [Fact]
        public Task A_display_strategy_the_closed_enumeration_does_not_list_is_flagged_at_a_wait() => VerifyAsync(
            Usings + """
            class C
            {
                Task<DescribeInstancesResponse> Wait(IEmrClient client, string id) =>
                    client.WaitUntilClusterRunningAsync(new DescribeInstancesRequest { DisplayStrategy = {|EMR0001:"clusterlist"|}, InstanceIds = [id] });
            }
            """);

        [Fact]
        public Task Valid_waits_and_pages_have_no_diagnostics() => VerifyAsync(
            Usings + """
            using System.Collections.Generic;
            class C
            {
                async Task<int> Run(IEmrClient client, string id)
                {
                    await client.WaitUntilClusterRunningAsync(new DescribeInstancesRequest { DisplayStrategy = DisplayStrategy.MonitorManage, InstanceIds = [id] }, new ApiWaiterOptions());
                    int count = 0;
                    await foreach (ClusterInstancesInfo cluster in client.DescribeInstancesItemsAsync(new DescribeInstancesRequest { DisplayStrategy = "clusterList", Limit = 100, ProjectId = -1 }))
                    {
                        count++;
                    }

                    return count;
                }
            }
            """);
    }
}
