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

        [Theory]
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
        public void Mistakes_in_extensions_are_caught_by_the_schema(string spec)
        {
            Assert.False(Evaluate(spec).IsValid);
        }
    }
}
