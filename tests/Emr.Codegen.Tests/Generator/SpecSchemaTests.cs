using System.IO;
using Emr.Codegen.Tests.Infrastructure;
using Json.Schema;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>spec/emr-spec.schema.json describes both our extensions and upstream's own files.</summary>
    public class SpecSchemaTests
    {
        private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(TestPaths.SpecSchema));

        private static EvaluationResults Evaluate(string json) =>
            Schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        [Fact]
        public void Default_spec_is_valid()
        {
            var results = Evaluate(File.ReadAllText(TestPaths.DefaultSpec));
            Assert.True(results.IsValid, string.Join("\n", System.Linq.Enumerable.Select(System.Linq.Enumerable.Where(results.Details ?? new System.Collections.Generic.List<EvaluationResults>(), d => d.Errors != null && d.Errors.Count > 0), d => d.InstanceLocation + " " + string.Join(",", d.Errors!.Values))));
        }

        [SharedTheory]
        [InlineData("emr-v20190103-api.intl-en.json")]
        [InlineData("emr-v20190103-api.zh-cn.json")]
        [InlineData("other-services/cvm-v20170312-api.intl-en.json")]
        public void Upstream_api_json_is_valid(string file)
        {
            Assert.True(Evaluate(File.ReadAllText(TestPaths.Upstream(file))).IsValid);
        }

        [Theory]
        [InlineData("{\"enums\": {\"E\": {\"type\": \"float\", \"values\": []}}}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"constraints\": {\"maxLenght\": 3}}]}}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"X\", \"equal\": 1}, \"message\": \"m\"}]}}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"message\": \"m\"}]}}}")]
        [InlineData("{\"enums\": {\"E\": {\"type\": \"int\", \"open\": \"yes\", \"values\": []}}}")]
        [InlineData("{\"metadata\": {\"documentation\": \"docs/emr.html\"}}")]
        [InlineData("{\"metadata\": {\"documentation\": \"ftp://docs.example/emr\"}}")]
        [InlineData("{\"metadata\": {\"documentation\": 42}}")]
        [InlineData("{\"metadata\": {\"missingErrorCode\": 1}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"X\", \"maximum\": {\"member\": \"Y\", \"equals\": 1}}, \"message\": \"m\"}]}}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"X\", \"minLength\": {\"member\": \"Y\"}}, \"message\": \"m\"}]}}}")]
        [InlineData("{\"waiters\": {\"W\": {\"operation\": \"A\", \"acceptors\": [{\"matcher\": \"pathEvery\", \"path\": \"X\", \"expected\": 1, \"state\": \"success\"}]}}}")]
        [InlineData("{\"waiters\": {\"W\": {\"operation\": \"A\", \"acceptors\": [{\"matcher\": \"path\", \"path\": \"X[0].Y\", \"expected\": 1, \"state\": \"success\"}]}}}")]
        [InlineData("{\"waiters\": {\"W\": {\"operation\": \"A\", \"acceptors\": []}}}")]
        [InlineData("{\"waiters\": {\"W\": {\"operation\": \"A\", \"delay\": 0, \"acceptors\": [{\"matcher\": \"error\", \"expected\": \"E\", \"state\": \"retry\"}]}}}")]
        [InlineData("{\"paginators\": {\"A\": {\"style\": \"token\", \"items\": \"L\", \"offset\": \"O\"}}}")]
        [InlineData("{\"paginators\": {\"A\": {\"style\": \"page\", \"items\": \"L\"}}}")]
        [InlineData("{\"paginators\": {\"A\": {\"style\": \"page\", \"offset\": \"O\", \"items\": \"L\", \"cursor\": \"C\"}}}")]
        public void Mistakes_in_extensions_are_caught_by_the_schema(string spec)
        {
            Assert.False(Evaluate(spec).IsValid);
        }

        [Theory]
        [InlineData("{\"enums\": {\"E\": {\"type\": \"int\", \"open\": true, \"values\": [{\"name\": \"One\", \"value\": 1}]}}}")]
        [InlineData("{\"enums\": {\"E\": {\"type\": \"string\", \"open\": false, \"values\": []}}}")]
        [InlineData("{\"metadata\": {\"documentation\": \"https://cloud.tencent.com/document/api/589/34261\", \"missingErrorCode\": \"MissingParameter\"}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"MinCount\", \"maximum\": {\"member\": \"InstanceCount\"}}, \"message\": \"m\"}]}}}")]
        [InlineData("{\"objects\": {\"A\": {\"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"A\", \"notEquals\": {\"member\": \"B\"}}, \"message\": \"m\"}]}}}")]
        [InlineData("{\"waiters\": {\"W\": {\"operation\": \"A\", \"maxWait\": 60, \"acceptors\": [{\"matcher\": \"pathAny\", \"path\": \"L[].S\", \"expected\": [1, \"x\", true], \"state\": \"failure\"}]}}}")]
        [InlineData("{\"paginators\": {\"A\": {\"style\": \"token\", \"inputToken\": \"T\", \"outputToken\": \"N\", \"items\": \"L\"}}}")]
        public void Open_enumerations_the_documentation_address_and_member_comparisons_are_part_of_the_schema(string spec)
        {
            Assert.True(Evaluate(spec).IsValid);
        }

        [Fact]
        public void The_schema_says_patterns_match_the_whole_value()
        {
            using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestPaths.SpecSchema));
            var defs = schema.RootElement.GetProperty("$defs");
            foreach (string owner in new[] { "constraints", "condition" })
            {
                string description = defs.GetProperty(owner).GetProperty("properties").GetProperty("pattern").GetProperty("description").GetString()!;
                Assert.Contains("WHOLE value", description);
                Assert.Contains(@"\A(?:pattern)\z", description);
            }
        }
    }
}
