using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// A member given a value in a loop is unknown after the loop, unless the loop provably does not run: the request is
    /// never judged on the path where a loop that runs ran zero times.
    /// </summary>
    public class LoopTests
    {
        [Fact]
        public Task A_member_summed_in_a_for_loop_is_not_judged_on_the_zero_rounds_path() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeSpan = 0;
                for (int i = 0; i < 1; i++) r.TimeSpan += 3600;
                """));

        [Fact]
        public Task A_member_set_in_a_foreach_over_a_constant_array_is_not_judged_on_the_zero_rounds_path() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeSpan = 0;
                foreach (ulong hours in new[] { 1UL }) r.TimeSpan = hours * 3600;
                """));

        [Fact]
        public Task A_member_set_in_a_while_on_a_member_is_not_judged_on_the_zero_rounds_path() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeSpan = 0;
                while (r.TimeSpan < 3600) r.TimeSpan += 1800;
                """));

        [Fact]
        public Task A_loop_of_constants_only_is_not_judged_on_its_zero_rounds_path_either() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeSpan = 0;
                for (int i = 0; i < 3; i++) { r.TimeSpan += 1200; }
                r.TimeUnit = "m";
                int n = 0;
                while (n < 2) { r.TimeUnit = "s"; n++; }
                """));

        [Fact]
        public Task A_member_set_by_a_plain_assignment_in_a_loop_is_unknown_after_it() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeUnit = "m";
                for (int i = 0; i < text.Length; i++) { r.TimeUnit = "s"; }
                """));

        [Fact]
        public Task A_loop_whose_condition_is_const_false_does_not_run_and_the_value_before_it_is_judged() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeUnit = {|#0:"m"|};
                while (false) { r.TimeUnit = "s"; }
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_foreach_over_an_empty_constant_array_does_not_run_and_the_value_before_it_is_judged() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeUnit = {|#0:"m"|};
                foreach (string unit in new string[0]) { r.TimeUnit = unit; }
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_member_the_loop_leaves_alone_is_still_judged() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.TimeUnit = {|#0:"m"|};
                foreach (char c in text) { r.ClientToken = c.ToString(); }
                """, replacements: new[] { ("PayMode = 0", "PayMode = {|#1:0|}") }),
            Diagnostic("EMR0010", 0, 1));
    }
}
