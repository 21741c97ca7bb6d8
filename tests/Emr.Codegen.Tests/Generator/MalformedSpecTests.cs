using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>Bad specs give located errors, never a generator exception or uncompilable code.</summary>
    public class MalformedSpecTests
    {
        private const string Path = "/specs/bad.json";

        private static (Diagnostic Diagnostic, GeneratorHarness.Result Result) SingleError(string spec, string id)
        {
            var result = GeneratorHarness.Run(new[] { (Path, spec) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.DoesNotContain(result.Output.GetDiagnostics(), d => d.Id == "CS8785");
            Assert.Empty(result.CompilationErrorsAndWarnings);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(Path, diagnostic.Location.GetLineSpan().Path);
            return (diagnostic, result);
        }

        private static (int Line, int Column) Position(Diagnostic diagnostic)
        {
            var start = diagnostic.Location.GetLineSpan().StartLinePosition;
            return (start.Line + 1, start.Character + 1);
        }

        [Fact]
        public void Invalid_json_is_reported_at_its_line_and_column()
        {
            var (diagnostic, result) = SingleError("{\n  \"objects\": {\n    \"A\": { \"members\": [ } \n  }\n}", "EMR1001");
            Assert.Equal((3, 25), Position(diagnostic));
            Assert.Empty(result.RunResult.Results.Single().GeneratedSources);
        }

        [Fact]
        public void Unknown_type_reference_is_reported_at_the_member()
        {
            var (diagnostic, result) = SingleError(
                "{\"metadata\": {\"namespace\": \"Bad.Api\"},\n \"objects\": {\"A\": {\"members\": [\n  {\"name\": \"B\", \"type\": \"object\", \"member\": \"Missing\"}]}}}",
                "EMR1003");
            Assert.Equal((3, 45), Position(diagnostic));
            Assert.Contains("'Missing'", diagnostic.GetMessage());
            // The valid rest is still generated.
            Assert.NotNull(result.Output.GetTypeByMetadataName("Bad.Api.A"));
        }

        [Fact]
        public void Duplicate_member_names_are_reported()
        {
            var (diagnostic, _) = SingleError(
                "{\"objects\": {\"A\": {\"members\": [\n {\"name\": \"X\", \"type\": \"string\", \"member\": \"string\"},\n {\"name\": \"X\", \"type\": \"int\", \"member\": \"int64\"}]}}}",
                "EMR1004");
            Assert.Equal((3, 11), Position(diagnostic));
        }

        [Fact]
        public void Duplicate_object_names_in_one_file_are_reported()
        {
            SingleError("{\"objects\": {\"A\": {\"members\": []}, \"A\": {\"members\": []}}}", "EMR1004");
        }

        [Fact]
        public void Enumeration_value_of_the_wrong_type_is_reported()
        {
            var (diagnostic, _) = SingleError(
                "{\"enums\": {\"Mode\": {\"type\": \"int\", \"values\": [\n {\"name\": \"One\", \"value\": 1},\n {\"name\": \"Two\", \"value\": \"2\"}]}}, \"objects\": {}}",
                "EMR1005");
            Assert.Equal((3, 27), Position(diagnostic));
        }

        [Fact]
        public void Rule_naming_an_unknown_member_is_reported()
        {
            var (diagnostic, result) = SingleError(
                "{\"metadata\": {\"namespace\": \"Bad.Api\"}, \"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"type\": \"int\", \"member\": \"int64\"}],\n \"rules\": [{\"id\": \"R\", \"when\": {\"member\": \"X\", \"equals\": 1},\n  \"require\": {\"member\": \"Nope\", \"present\": true}, \"message\": \"m\"}]}}}",
                "EMR1006");
            Assert.Equal((3, 25), Position(diagnostic));
            Assert.NotNull(result.Output.GetTypeByMetadataName("Bad.Api.A"));
        }

        [Fact]
        public void Rule_value_of_the_wrong_type_is_reported()
        {
            SingleError(
                "{\"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"type\": \"int\", \"member\": \"int64\"}], \"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"X\", \"equals\": \"one\"}, \"message\": \"m\"}]}}}",
                "EMR1005");
        }

        private const string ComparedMembers = "{\"metadata\": {\"namespace\": \"Bad.Api\"}, \"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"type\": \"int\", \"member\": \"int64\"}, {\"name\": \"Y\", \"type\": \"int\", \"member\": \"int64\"}, {\"name\": \"S\", \"type\": \"string\", \"member\": \"string\"}],\n \"rules\": [{\"id\": \"R\", \"require\": REQUIRE, \"message\": \"m\"}]}}}";

        [Theory]
        [InlineData("{\"member\": \"X\", \"maximum\": {\"member\": \"S\"}}", "EMR1005", "cannot be compared")]
        [InlineData("{\"member\": \"S\", \"equals\": {\"member\": \"X\"}}", "EMR1005", "cannot be compared")]
        [InlineData("{\"member\": \"S\", \"minLength\": {\"member\": \"X\"}}", "EMR1005", "takes a constant")]
        [InlineData("{\"member\": \"X\", \"maximum\": {\"member\": \"Nope\"}}", "EMR1006", "Nope")]
        [InlineData("{\"member\": \"X\", \"maximum\": {\"member\": \"Y\", \"equals\": 1}}", "EMR1002", "only 'member'")]
        public void A_comparison_with_another_member_that_cannot_hold_is_reported_at_the_operand(string require, string id, string message)
        {
            var (diagnostic, result) = SingleError(ComparedMembers.Replace("REQUIRE", require, System.StringComparison.Ordinal), id);
            Assert.Contains(message, diagnostic.GetMessage());
            Assert.Equal(2, Position(diagnostic).Line);
            Assert.NotNull(result.Output.GetTypeByMetadataName("Bad.Api.A"));
        }

        [Fact]
        public void Invalid_pattern_is_reported()
        {
            SingleError(
                "{\"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"type\": \"string\", \"member\": \"string\", \"constraints\": {\"pattern\": \"([a-z\"}}]}}}",
                "EMR1007");
        }

        [Theory]
        [InlineData("{\"objects\": {\"class\": {\"members\": []}}}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": [{\"name\": \"X-Y\", \"type\": \"string\", \"member\": \"string\"}]}}}")]
        [InlineData("{\"metadata\": {\"namespace\": \"A.\\\"; class X {\"}, \"objects\": {}}")]
        [InlineData("{\"enums\": {\"E\": {\"type\": \"string\", \"values\": [{\"name\": \"Value\", \"value\": \"v\"}]}}}")]
        public void Names_that_are_not_csharp_names_are_reported_not_emitted(string spec)
        {
            SingleError(spec, "EMR1008");
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("{\"objects\": []}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": {}}}}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": [{\"type\": \"string\"}]}}}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": [{\"name\": \"X\"}]}}}")]
        [InlineData("{\"actions\": {\"Do\": {\"input\": \"In\", \"output\": \"Out\"}}, \"objects\": {}}")]
        [InlineData("{\"objects\": {\"A\": {\"members\": [{\"name\": \"X\", \"type\": \"int\", \"member\": \"int64\"}], \"rules\": [{\"id\": \"R\", \"require\": {\"member\": \"X\"}, \"message\": \"m\"}]}}}")]
        public void Structural_problems_never_throw_and_never_break_the_build(string spec)
        {
            var result = GeneratorHarness.Run(new[] { (Path, spec) });
            Assert.Null(result.RunResult.Results.Single().Exception);
            Assert.NotEmpty(result.GeneratorDiagnostics);
            Assert.All(result.GeneratorDiagnostics, d => Assert.StartsWith("EMR10", d.Id));
            Assert.All(result.GeneratorDiagnostics, d => Assert.Equal(Path, d.Location.GetLineSpan().Path));
            Assert.Empty(result.CompilationErrorsAndWarnings);
        }

        [Fact]
        public void Every_prefix_of_the_default_spec_is_handled_without_exceptions()
        {
            string spec = System.IO.File.ReadAllText(TestPaths.DefaultSpec);
            for (int length = 0; length < spec.Length; length += 997)
            {
                var result = GeneratorHarness.Run(new[] { (Path, spec.Substring(0, length)) });
                Assert.Null(result.RunResult.Results.Single().Exception);
                Assert.Contains(result.GeneratorDiagnostics, d => d.Id == "EMR1001");
            }
        }
    }
}
