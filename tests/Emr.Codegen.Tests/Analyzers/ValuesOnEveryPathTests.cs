using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// One notion of a known value for every check: a value a path gives a member (from a choice, a switch arm, a
    /// compound assignment, a named member of an enumeration) is checked against the member's enumeration and
    /// constraints as well as the rules, at the expression that produced it; constant tests choose their branch.
    /// </summary>
    public class ValuesOnEveryPathTests
    {
        [Fact]
        public Task Named_members_chosen_by_a_conditional_are_values() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = {|#1:1|}"),
                ("TimeUnit = \"s\"", "TimeUnit = flag ? {|#0:TimeUnit.Seconds|} : {|#2:TimeUnit.Seconds|}"),
            }),
            Diagnostic("EMR0010", 0, 1),
            Diagnostic("EMR0010", 2, 1));

        [Fact]
        public Task Constructors_and_named_members_in_switch_arms_are_values() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = {|#1:1|}"),
                ("TimeUnit = \"s\"", "TimeUnit = text switch { \"x\" => {|#0:new TimeUnit(\"s\")|}, \"y\" => TimeUnit.Months, _ => {|#2:TimeUnit.Seconds|} }"),
            }),
            Diagnostic("EMR0010", 0, 1),
            Diagnostic("EMR0010", 2, 1));

        [Fact]
        public Task Named_members_given_through_coalescing_are_values() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                void Fill(CreateInstanceRequest r, TimeUnit? unit)
                {
                    r.PayMode = {|#1:1|};
                    r.TimeUnit = unit ?? {|#0:TimeUnit.Seconds|};
                    r.TimeSpan = 3600;
                }
            }
            """,
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_value_out_of_range_from_a_conditional_is_reported_at_its_arm() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("CoreCount = 2", "CoreCount = flag ? {|EMR0004:21|} : 2") }));

        [Fact]
        public Task A_value_outside_a_closed_enumeration_from_a_switch_arm_is_reported_at_the_arm() => VerifyAsync(
            RequestTemplate.Build(replacements: new[] { ("SupportHA = 0", "SupportHA = text switch { \"ha\" => 1, _ => {|EMR0001:2|} }") }));

        [Fact]
        public Task A_compound_assignment_out_of_range_is_reported_at_the_assignment() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.ResourceSpec.CoreCount = 20; {|EMR0004:r.ResourceSpec.CoreCount += 1|};"));

        [Fact]
        public Task A_compound_assignment_within_range_is_valid() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.ResourceSpec.CoreCount = 19; r.ResourceSpec.CoreCount += 1;"));

        [Fact]
        public Task A_comparison_of_known_values_chooses_its_branch() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "r.ResourceSpec.CoreCount = 20; if (r.ResourceSpec.CoreCount < 20) { r.ResourceSpec.CoreCount += 1; }"));

        [Fact]
        public Task A_rule_broken_by_a_subtraction_is_reported_at_the_subtraction() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: "{|#0:r.TimeSpan -= 1|};", replacements: new[] { ("TimeUnit = \"s\"", "TimeUnit = {|#1:\"s\"|}") }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_switch_statement_on_a_const_takes_only_its_case() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                const string plan = "hourly";
                switch (plan)
                {
                    case "monthly":
                        r.PayMode = 1;
                        break;
                    case "hourly":
                        r.PayMode = 0;
                        break;
                }
                """));

        [Fact]
        public Task A_switch_expression_on_a_const_takes_only_its_arm() => VerifyAsync(
            RequestTemplate.Usings + """
            class C
            {
                const string Plan = "hourly";
                void Fill(CreateInstanceRequest r)
                {
                    r.PayMode = Plan switch { "monthly" => 1, _ => 0 };
                    r.TimeUnit = "s";
                    r.TimeSpan = 3600;
                }
            }
            """);

        [Fact]
        public Task Switches_on_the_same_parameter_are_correlated() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = text switch { \"m\" => 1, _ => 0 }"),
                ("TimeUnit = \"s\"", "TimeUnit = text switch { \"m\" => \"m\", _ => \"s\" }"),
                ("TimeSpan = 3600", "TimeSpan = text switch { \"m\" => 12UL, _ => 3600UL }"),
            }));

        [Fact]
        public Task Equality_tests_on_the_same_local_are_correlated() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                string plan = text.Trim();
                if (plan == "monthly") { r.PayMode = 1; }
                if (plan != "monthly") { return r; }
                r.TimeUnit = "m";
                r.TimeSpan = 12;
                """));

        [Fact]
        public Task Switch_arms_that_are_wrong_together_are_still_reported() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = text switch { \"m\" => {|#1:1|}, _ => 0 }"),
                ("TimeUnit = \"s\"", "TimeUnit = text switch { \"m\" => {|#0:\"s\"|}, _ => \"s\" }"),
            }),
            Diagnostic("EMR0010", 0, 1));

        [Fact]
        public Task A_variable_assigned_between_two_tests_is_tested_afresh() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                string t = text;
                r.PayMode = t == "m" ? {|#1:1|} : {|#3:0|};
                t = text + "!";
                r.TimeUnit = t == "m" ? {|#2:"m"|} : {|#0:"s"|};
                """),
            Diagnostic("EMR0010", 0, 1),
            Diagnostic("EMR0010", 2, 3));
    }
}
