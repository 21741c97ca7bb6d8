using System.Linq;

namespace Emr.Codegen.Tests.Campaign
{
    /// <summary>What the analyzer campaign found, one test per finding, each named for what it protects.</summary>
    public class AnalyzerRegressionTests
    {
        private const string Header = "using System;\nusing System.Collections.Generic;\nusing System.Threading.Tasks;\nusing Emr.V20190103;\n";

        /// <summary>Analyzes the code as a whole program would be, with the campaign's checks: no analyzer exception, every diagnostic in a request expression.</summary>
        /// <remarks>A plain program is also analyzed with every body bound (its bodies start with <see cref="GeneratedProgram.BindMarkerSlot"/>), and the tiers must agree.</remarks>
        private static void AssertAnalyzedCleanly(string classBody, bool plain = false, int? expected = null)
        {
            var program = new GeneratedProgram(0, plain ? ProgramShape.Plain : ProgramShape.Rich, Header + "public class Program0\n{\n    public static T Some<T>() => default!;\n" + classBody + "\n}\n", System.Array.Empty<string>());
            var result = AnalyzerFuzzHarness.Default.RunBatch(new[] { program }, generatedAsSource: false);
            Assert.True(result.Failures.Count == 0, string.Join("\n\n", result.Failures));
            if (expected is int count)
            {
                Assert.Equal(count, result.DiagnosticCounts.Values.Sum());
            }
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


        /// <summary>
        /// Found by the campaign (the tiers disagreed): a request built in a local that never leaves, in a body that ends
        /// by returning something else, was judged by the bound tier at the exit but never by the syntax tier, whose
        /// paths all ended at the return before the end-of-body judgment.
        /// </summary>
        [Fact]
        public void A_request_held_when_the_body_returns_another_value_is_judged_by_both_tiers() => AssertAnalyzedCleanly("""
            public CreateInstanceRequest M(bool flag, string text)
            {
                /*             */
                var r = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0, Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { } };
                if (flag) { r.TimeUnit = "m"; return Some<CreateInstanceRequest>(); }
                r.ClientToken = text;
                return Some<CreateInstanceRequest>();
            }
            """, plain: true, expected: 2);

        /// <summary>
        /// Found by the campaign (the tiers disagreed): a value given to a member of a nested object the syntax tier does
        /// not follow (<c>r.MetaDBInfo.MetaDataJdbcUrl = ...</c> with MetaDBInfo never set) was not checked there, while
        /// the bound tier checks every value given to a spec member.
        /// </summary>
        [Fact]
        public void A_value_given_below_a_nested_object_that_is_not_followed_is_checked_by_both_tiers() => AssertAnalyzedCleanly("""
            public void M(string text)
            {
                /*             */
                var r = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0, Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" } };
                r.MetaDBInfo.MetaDataJdbcUrl = "Emr@2019abc";
            }
            """, plain: true, expected: 1);

        /// <summary>
        /// Found by the campaign (a message no run-time value can match): <c>r.TimeSpan--</c> on an unsigned 0 was followed
        /// as -1, which wraps to 18446744073709551615 at run time (or throws, when checked). A result outside the
        /// member's type is now unknown, never reported.
        /// </summary>
        [Fact]
        public System.Threading.Tasks.Task A_compound_assignment_past_the_range_of_the_member_type_is_unknown() =>
            Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier.VerifyAsync(Emr.Codegen.Tests.Analyzers.RequestTemplate.Build(afterInitializer: "r.TimeSpan = 0; r.TimeSpan--;"));

        /// <summary>
        /// Found by the campaign (the tiers disagreed): after <c>if (true) { throw ...; }</c> the bound tier, which takes
        /// the constants true and false as they are, reaches no end of the body and judges nothing; the syntax tier
        /// followed both branches and judged the request at the end. Both now judge only what can run, and both still
        /// check single values in a branch that cannot.
        /// </summary>
        [Fact]
        public void A_branch_a_constant_condition_rules_out_judges_no_request_in_either_tier() => AssertAnalyzedCleanly("""
            public void M(string text)
            {
                /*             */
                var r = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0, Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { } };
                if (false) { r.TimeUnit = "m"; return; }
                if (false) { r.SupportHA = 2; }
                if (true) { throw new InvalidOperationException(text); }
            }
            """, plain: true, expected: 1);

        /// <summary>
        /// Found by the campaign (the tiers disagreed): the syntax tier stopped at the first statement no path reaches
        /// (after a return or a throw) and checked none of the values given there; the bound tier checks every value
        /// given to a spec member, reachable or not. Neither judges a request there.
        /// </summary>
        [Fact]
        public void Values_given_after_the_body_has_returned_are_checked_by_both_tiers() => AssertAnalyzedCleanly("""
            public void M(bool flag)
            {
                /*             */
                var r = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr_test", PayMode = 0, Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "s", LoginSettings = new LoginSettings { Password = "Emr@2019abc" } };
                if (flag) { return; } else { throw new InvalidOperationException(); }
                r.SupportHA = 2;
                var q = new CreateInstanceRequest { ProductId = 16, VPCSettings = new VPCSettings { VpcId = "v", SubnetId = "s" }, Software = ["hive"], ResourceSpec = new NewResourceSpec(), SupportHA = 0, InstanceName = "emr", PayMode = 0, Placement = new Placement { Zone = "z" }, TimeSpan = 3600, TimeUnit = "m", LoginSettings = new LoginSettings { } };
                q.PayMode = 7;
            }
            """, plain: true, expected: 3);
    }
}
