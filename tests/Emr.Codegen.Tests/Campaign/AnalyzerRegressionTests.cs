using System.Linq;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>What the analyzer campaign found, one test per finding, each named for what it protects.</summary>
    public class AnalyzerRegressionTests
    {
        private const string Header = "using System;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Emr.V20190103;\n";

        /// <summary>Analyzes the code as a whole program would be, with the campaign's checks: no analyzer exception, every diagnostic in a request expression.</summary>
        private static void AssertAnalyzedCleanly(string classBody)
        {
            var program = new GeneratedProgram(0, ProgramShape.Rich, Header + "public class Program0\n{\n    public static T Some<T>() => default!;\n" + classBody + "\n}\n", System.Array.Empty<string>());
            var result = AnalyzerFuzzHarness.Default.RunBatch(new[] { program }, generatedAsSource: false);
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures));
        }

        /// <summary>
        /// Found by the campaign: a lambda's control-flow graph continues, past its root region, into the regions of the
        /// graph around it. A lambda in a catch of a try nested in another try sent the outer try's facts to block
        /// ordinals of the outer graph, out of the lambda graph's range (IndexOutOfRangeException, AD0001).
        /// </summary>
        [Fact]
        public void A_lambda_in_a_catch_of_nested_tries_does_not_reach_the_blocks_of_the_graph_around_it() => AssertAnalyzedCleanly("""
            public void M(bool flag)
            {
                try
                {
                    try { var r = Some<CreateInstanceRequest>(); r.ClientToken += "x"; }
                    catch when (!flag) { Action<ulong> a = v => Some<CreateInstanceRequest>().TimeSpan = v; }
                    finally { var q = Some<CreateInstanceRequest>(); }
                }
                catch (InvalidOperationException) { var r2 = Some<CreateInstanceRequest>(); }
            }
            """);

    }
}
