using System.IO;
using System.Linq;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Emr.Codegen.Tests.Infrastructure;

namespace Emr.Codegen.Tests.Spec
{
    /// <summary>
    /// An enumeration's "open", the metadata's "documentation" and "missingErrorCode": read, checked with located
    /// diagnostics, and written into the analysis fragment that the generated types carry, so that they read back the same.
    /// </summary>
    public class SpecMetadataAndOpenEnumerationTests
    {
        private const string File = "/specs/spec.json";

        private static SpecReadResult Read(string text) => SpecReader.Read(new[] { new SpecSource(File, text) });

        private static string SpecWith(string metadata = "", string modeExtra = "", string actions = "") =>
            "{\"metadata\": {\"namespace\": \"Test.Api\"" + metadata + "},\n" +
            " \"enums\": {\n" +
            "  \"Mode\": {\"type\": \"int\"" + modeExtra + ", \"values\": [{\"name\": \"One\", \"value\": 1}]},\n" +
            "  \"Kind\": {\"type\": \"string\", \"values\": [{\"name\": \"A\", \"value\": \"a\"}]}},\n" +
            " \"actions\": {\"Go\": {\"input\": \"GoRequest\", \"output\": \"GoResponse\"" + actions + "}},\n" +
            " \"objects\": {\"GoRequest\": {\"members\": [{\"name\": \"Mode\", \"type\": \"int\", \"member\": \"int64\", \"enum\": \"Mode\"}, {\"name\": \"Kind\", \"type\": \"string\", \"member\": \"string\", \"enum\": \"Kind\"}]},\n" +
            "  \"GoResponse\": {\"members\": []}}}";

        private static SpecDiagnostic SingleDiagnostic(string text, string id)
        {
            SpecReadResult result = Read(text);
            SpecDiagnostic diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal(id, diagnostic.Id);
            Assert.Equal(File, diagnostic.FilePath);

            // The rest of the spec is still read.
            Assert.NotNull(result.Model);
            return diagnostic;
        }

        [Fact]
        public void An_enumeration_is_closed_unless_it_says_open()
        {
            SpecModel model = Read(SpecWith(modeExtra: ", \"open\": true")).Model!;
            Assert.True(model.FindEnum("Mode")!.IsOpen);
            Assert.False(model.FindEnum("Kind")!.IsOpen);
            Assert.False(Read(SpecWith(modeExtra: ", \"open\": false")).Model!.FindEnum("Mode")!.IsOpen);
        }

        [Theory]
        [InlineData("\"yes\"")]
        [InlineData("1")]
        [InlineData("null")]
        [InlineData("[true]")]
        public void Open_that_is_not_true_or_false_is_reported_where_it_is(string value)
        {
            SpecDiagnostic diagnostic = SingleDiagnostic(SpecWith(modeExtra: ",\n    \"open\": " + value), SpecDiagnosticIds.WrongValueType);
            Assert.Equal((3, 12), (diagnostic.Line, diagnostic.Column));
            Assert.Contains("'open'", diagnostic.Message);
            Assert.Contains("'Mode'", diagnostic.Message);
        }

        [Theory]
        [InlineData("https://cloud.tencent.com/document/api/589/34261")]
        [InlineData("http://docs.example/emr?a=1#b")]
        public void A_documentation_address_is_read(string address)
        {
            SpecReadResult result = Read(SpecWith(metadata: ", \"documentation\": " + SpecWriter.Quote(address)));
            Assert.Empty(result.Diagnostics);
            Assert.Equal(address, result.Model!.Documentation);
        }

        [Fact]
        public void Without_a_documentation_address_there_is_none()
        {
            Assert.Null(Read(SpecWith()).Model!.Documentation);
        }

        [Theory]
        [InlineData("not a url")]
        [InlineData("docs/emr.html")]
        [InlineData("/docs/emr.html")]
        [InlineData("ftp://docs.example/emr")]
        [InlineData("mailto:emr@docs.example")]
        [InlineData("file:///docs/emr.html")]
        [InlineData("https://")]
        [InlineData("")]
        public void A_documentation_address_that_is_not_absolute_http_is_reported_where_it_is(string address)
        {
            SpecDiagnostic diagnostic = SingleDiagnostic(SpecWith(metadata: ",\n  \"documentation\": " + SpecWriter.Quote(address)), SpecDiagnosticIds.WrongValueType);
            Assert.Equal((1, 19), (diagnostic.Line, diagnostic.Column));
            Assert.Contains("metadata.documentation", diagnostic.Message);
            Assert.Null(Read(SpecWith(metadata: ", \"documentation\": " + SpecWriter.Quote(address))).Model!.Documentation);
        }

        [Fact]
        public void A_documentation_address_that_is_not_a_string_is_reported_where_it_is()
        {
            SpecDiagnostic diagnostic = SingleDiagnostic(SpecWith(metadata: ",\n  \"documentation\": 42"), SpecDiagnosticIds.InvalidStructure);
            Assert.Equal((1, 19), (diagnostic.Line, diagnostic.Column));
        }

        [Fact]
        public void The_missing_parameter_code_comes_from_the_error_codes_or_the_metadata()
        {
            Assert.Null(Read(SpecWith()).Model!.MissingErrorCode);
            Assert.Equal("MissingParameter", Read(SpecWith(actions: ", \"errorCodes\": [{\"code\": \"MissingParameter\"}]")).Model!.MissingErrorCode);
            Assert.Equal("InvalidParameter.Missing", Read(SpecWith(metadata: ", \"missingErrorCode\": \"InvalidParameter.Missing\"", actions: ", \"errorCodes\": [{\"code\": \"MissingParameter\"}]")).Model!.MissingErrorCode);
        }

        [Fact]
        public void The_fragment_carries_open_documentation_and_the_missing_parameter_code_and_reads_back_the_same()
        {
            SpecModel model = Read(SpecWith(
                metadata: ", \"documentation\": \"https://cloud.tencent.com/document/api/589/34261\"",
                modeExtra: ", \"open\": true",
                actions: ", \"errorCodes\": [{\"code\": \"MissingParameter\"}]")).Model!;
            string fragment = SpecWriter.WriteAnalysisFragment(model, model.FindObject("GoRequest")!);
            Assert.Contains("\"metadata\":{\"namespace\":\"Test.Api\",\"documentation\":\"https://cloud.tencent.com/document/api/589/34261\",\"missingErrorCode\":\"MissingParameter\"}", fragment);
            Assert.Contains("\"Mode\":{\"type\":\"int\",\"open\":true,", fragment);
            Assert.Contains("\"Kind\":{\"type\":\"string\",\"values\"", fragment);

            SpecReadResult back = SpecReader.Read(new[] { new SpecSource("fragment", fragment) });
            Assert.Empty(back.Diagnostics);
            Assert.Equal(model.Documentation, back.Model!.Documentation);
            Assert.Equal(model.MissingErrorCode, back.Model.MissingErrorCode);
            Assert.True(back.Model.FindEnum("Mode")!.IsOpen);
            Assert.False(back.Model.FindEnum("Kind")!.IsOpen);
        }

        [Fact]
        public void The_fragment_leaves_out_what_the_spec_does_not_say()
        {
            SpecModel model = Read(SpecWith()).Model!;
            string fragment = SpecWriter.WriteAnalysisFragment(model, model.FindObject("GoRequest")!);
            Assert.Contains("\"metadata\":{\"namespace\":\"Test.Api\"}", fragment);
            Assert.DoesNotContain("\"open\"", fragment);
        }

        [Fact]
        public void The_default_spec_marks_its_enumerations_and_names_the_missing_parameter_code()
        {
            SpecReadResult result = SpecReader.Read(new[] { new SpecSource(TestPaths.DefaultSpec, System.IO.File.ReadAllText(TestPaths.DefaultSpec)) });
            Assert.Empty(result.Diagnostics);
            SpecModel model = result.Model!;
            Assert.Equal("MissingParameter", model.MissingErrorCode);

            // No documentation address: neither the seed nor the upstream files give CreateInstance's page.
            Assert.Null(model.Documentation);
            string[] open = model.Enums.Where(e => e.IsOpen).Select(e => e.Name).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "DiskType", "MultiDiskType", "ProductId", "StorageType" }, open);

            // Each enumeration says in its document why it is open or closed.
            Assert.All(model.Enums, e => Assert.Contains(e.IsOpen ? "Open:" : "Closed:", e.Document));
            string fragment = SpecWriter.WriteAnalysisFragment(model, model.FindObject("CreateInstanceRequest")!);
            Assert.Contains("\"missingErrorCode\":\"MissingParameter\"", fragment);
            Assert.Contains("\"ProductId\":{\"type\":\"int\",\"errorCode\":\"InvalidParameter.InvalidProductId\",\"open\":true,", fragment);
            Assert.Contains("\"PayMode\":{\"type\":\"int\",\"errorCode\":\"InvalidParameter.InvalidPaymode\",\"values\"", fragment);
        }
    }
}
