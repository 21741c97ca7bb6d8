using System.Collections.Generic;
using Emr.Codegen.Runtime;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;

namespace Emr.Codegen.Tests.Engine
{
    /// <summary>The rule engine's own semantics, which the analyzer and the generated Validate() share.</summary>
    public class RuleEngineTests
    {
        [Theory]
        [InlineData("emr_test\n", "^[A-Za-z0-9_-]*$")]
        [InlineData("sg-abcd1234\n", "^sg-[a-z0-9]{8}$")]
        [InlineData("ab", "a")]
        [InlineData("xa", "a|b")]
        [InlineData("a\r\n", "a$")]
        public void A_pattern_must_match_the_whole_value(string text, string pattern) =>
            Assert.False(RuleEngine.Matches(text, pattern));

        [Theory]
        [InlineData("emr_test", "^[A-Za-z0-9_-]*$")]
        [InlineData("a", "a")]
        [InlineData("b", "a|b")]
        [InlineData("jdbc:mysql://db:3306/hive", "jdbc:mysql://.*")]
        [InlineData("line\nbreak", "(?s).*")]
        public void A_pattern_that_covers_the_whole_value_matches(string text, string pattern) =>
            Assert.True(RuleEngine.Matches(text, pattern));

        [Theory]
        [InlineData("5", "3", "False")]
        [InlineData("3", "3", "True")]
        [InlineData("2", "3", "True")]
        [InlineData("5", "unknown", "Unknown")]
        [InlineData("5", "set", "Unknown")]
        [InlineData("unknown", "3", "Unknown")]
        [InlineData("5", "absent", "False")]
        [InlineData("absent", "3", "False")]
        public void A_comparison_with_another_member_has_the_three_values_of_a_comparison_with_a_constant(string minCount, string instanceCount, string expected)
        {
            // CVM's documented relation: MinCount is at most InstanceCount.
            var atMost = new RuleCondition(RuleOperator.Maximum, "MinCount", new SpecValue[0], new RuleCondition[0], compared: "InstanceCount");
            KnownValue Read(string text) => text switch
            {
                "unknown" => KnownValue.Unknown,
                "set" => KnownValue.PresentUnknown,
                "absent" => KnownValue.Absent,
                _ => KnownValue.Of(SpecValue.FromNumber(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture))),
            };

            Truth truth = RuleEngine.Evaluate(atMost, path => Read(path == "MinCount" ? minCount : instanceCount));
            Assert.Equal(expected, truth.ToString());
        }

        [Fact]
        public void A_rule_fragment_reads_a_comparison_with_another_member()
        {
            ObjectDefinition definition = ObjectDefinition.Parse(
                "{\"objects\":{\"Run\":{\"members\":[{\"name\":\"MinCount\",\"type\":\"int\",\"member\":\"int64\"},{\"name\":\"InstanceCount\",\"type\":\"int\",\"member\":\"int64\"}],"
                + "\"rules\":[{\"id\":\"MinAtMostCount\",\"require\":{\"member\":\"MinCount\",\"maximum\":{\"member\":\"InstanceCount\"}},\"severity\":\"error\",\"message\":\"m\"}]}}}",
                "Run");
            RuleDefinition rule = Assert.Single(definition.Rules);
            Assert.Equal("InstanceCount", rule.Require.Compared);
            Assert.Equal(new[] { "MinCount", "InstanceCount" }, RuleEngine.Paths(rule.Require));
            Assert.True(RuleEngine.IsViolated(rule, path => KnownValue.Of(SpecValue.FromNumber(path == "MinCount" ? 4 : 3))));
            Assert.False(RuleEngine.IsViolated(rule, path => KnownValue.Of(SpecValue.FromNumber(3))));
        }

        [Fact]
        public void A_pattern_that_does_not_compile_gives_no_verdict() =>
            Assert.Null(RuleEngine.Matches("anything", "[unclosed"));

        [Fact]
        public void An_open_enumeration_notes_an_unknown_value_and_a_closed_one_rejects_it()
        {
            var values = new[] { new KeyValuePair<string, SpecValue>("Known", SpecValue.FromString("known")) };
            var open = new MemberDefinition { Name = "Disk", Enum = new EnumDefinition("DiskType", isOpen: true, "InvalidParameter.Disk", values) };
            var closed = new MemberDefinition { Name = "Disk", Enum = new EnumDefinition("DiskType", isOpen: false, "InvalidParameter.Disk", values) };
            var problems = new List<ApiValidationProblem>();

            RuleEngine.CheckValue(open, SpecValue.FromString("NEW_DISK"), "Disk", problems);
            ApiValidationProblem note = Assert.Single(problems);
            Assert.Equal(ApiValidationProblemKind.OpenEnumeration, note.Kind);
            Assert.Equal(ApiValidationSeverity.Info, note.Severity);
            Assert.Null(note.ErrorCode);

            problems.Clear();
            RuleEngine.CheckValue(closed, SpecValue.FromString("NEW_DISK"), "Disk", problems);
            ApiValidationProblem error = Assert.Single(problems);
            Assert.Equal(ApiValidationProblemKind.Enumeration, error.Kind);
            Assert.Equal(ApiValidationSeverity.Error, error.Severity);
            Assert.Equal("InvalidParameter.Disk", error.ErrorCode);

            problems.Clear();
            RuleEngine.CheckValue(closed, SpecValue.FromString("known"), "Disk", problems);
            Assert.Empty(problems);
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(1e300)]
        public void Numbers_beyond_decimal_are_judged_not_thrown(double value)
        {
            var member = new MemberDefinition { Name = "Span", Minimum = 1, Maximum = 3600 };
            var problems = new List<ApiValidationProblem>();
            RuleEngine.CheckValue(member, SpecValue.FromDouble(value), "Span", problems);
            Assert.Equal(ApiValidationProblemKind.Range, Assert.Single(problems).Kind);
        }

        [Fact]
        public void A_fragment_that_is_not_one_is_a_format_exception() =>
            Assert.Throws<System.FormatException>(() => ObjectDefinition.Parse("{\"objects\": {\"A\": {\"members\": [}}", "A"));
    }
}
