using System.Threading.Tasks;
using static Emr.Codegen.Tests.Infrastructure.AnalyzerVerifier;

namespace Emr.Codegen.Tests.Analyzers
{
    /// <summary>
    /// Choices on the same condition are correlated: a local or parameter tested twice takes the same branch both times on
    /// a path, so "monthly or hourly" written as three <c>?:</c> on one <c>bool</c> is judged on two paths, not eight.
    /// </summary>
    public class CorrelatedChoiceTests
    {
        [Fact]
        public Task Three_choices_on_one_bool_are_valid_for_both_of_its_values() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = flag ? 1 : 0"),
                ("TimeUnit = \"s\"", "TimeUnit = flag ? \"m\" : \"s\""),
                ("TimeSpan = 3600", "TimeSpan = flag ? 12UL : 3600UL"),
            }));

        [Fact]
        public Task A_negated_test_of_the_same_bool_takes_the_other_branch() => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = flag ? 1 : 0"),
                ("TimeUnit = \"s\"", "TimeUnit = !flag ? \"s\" : \"m\""),
                ("TimeSpan = 3600", "TimeSpan = !flag ? 3600UL : 12UL"),
            }));

        [Fact]
        public Task Choices_in_assignments_and_ifs_on_one_local_are_correlated_too() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                bool monthly = text.Length > 3;
                r.PayMode = monthly ? 1 : 0;
                if (monthly) { r.TimeUnit = "m"; r.TimeSpan = 12; }
                """));

        [Theory]
        [InlineData("private readonly bool monthly;", "monthly")]
        [InlineData("private readonly bool monthly;", "this.monthly")]
        [InlineData("private static readonly bool monthly = System.DateTime.Now.Day > 15;", "monthly")]
        [InlineData("private bool Monthly { get; }", "Monthly")]
        public Task Choices_on_a_readonly_field_or_get_only_auto_property_are_correlated(string declaration, string condition) => VerifyAsync(
            RequestTemplate.Build(replacements: new[]
            {
                ("PayMode = 0", "PayMode = " + condition + " ? 1 : 0"),
                ("TimeUnit = \"s\"", "TimeUnit = " + condition + " ? \"m\" : \"s\""),
                ("TimeSpan = 3600", "TimeSpan = " + condition + " ? 12UL : 3600UL"),
            }).Replace("class C\n{", "class C\n{\n    " + declaration, System.StringComparison.Ordinal));

        [Fact]
        public Task Ifs_on_a_readonly_field_are_correlated() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                if (_monthly) { r.PayMode = 1; }
                if (this._monthly) { r.TimeUnit = "m"; r.TimeSpan = 12; }
                """).Replace("class C\n{", "class C\n{\n    private readonly bool _monthly = System.DateTime.Now.Day > 15;", System.StringComparison.Ordinal));

        [Fact]
        public Task Choices_that_are_wrong_together_on_each_branch_are_still_reported() => VerifyAsync(
            RequestTemplate.Build(afterInitializer: """
                r.PayMode = flag ? {|#1:1|} : 0;
                r.TimeUnit = flag ? {|#0:"s"|} : "s";
                """),
            Diagnostic("EMR0010", 0, 1));
    }
}
