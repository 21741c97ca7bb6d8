using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// The README's overlay example, as written there: CVM's unmodified upstream api.json plus the overlay builds with no
    /// spec diagnostic, and the usage block gets exactly the diagnostics its comments name, each on its own line.
    /// </summary>
    public class ReadmeOverlayTests
    {
        /// <summary>The fenced block after the README's <c>&lt;!-- readme-test: name --&gt;</c> marker.</summary>
        private static string ReadmeBlock(string name)
        {
            string readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
            Match block = Regex.Match(readme, "<!-- readme-test: " + Regex.Escape(name) + " -->\n```[a-z]*\n(?<code>.*?)\n```", RegexOptions.Singleline);
            Assert.True(block.Success, "README.md has no block marked readme-test: " + name);
            return block.Groups["code"].Value;
        }

        [SharedFact]
        public async Task The_readmes_cvm_overlay_builds_and_its_usage_gets_the_diagnostics_its_comments_name()
        {
            string upstream = TestPaths.Upstream("other-services/cvm-v20170312-api.intl-en.json");
            var result = GeneratorHarness.Run(new[] { (upstream, File.ReadAllText(upstream)), ("/specs/cvm-overlay.json", ReadmeBlock("cvm-overlay.json")) });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);

            string usage = ReadmeBlock("cvm-overlay-usage.cs");
            Compilation compilation = result.Output.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(usage, GeneratorHarness.ParseOptions, path: "Usage.cs"));
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(OutputKind.ConsoleApplication));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RequestAnalyzer())).GetAnalyzerDiagnosticsAsync();

            string[] lines = usage.Split('\n');
            var expected = lines.Select((line, i) => (Line: i, Id: Regex.Match(line, @"// (EMR\d{4}):").Groups[1].Value)).Where(e => e.Id.Length > 0).ToList();
            Assert.Equal(4, expected.Count);
            var actual = diagnostics.Select(d => (Line: d.Location.GetLineSpan().StartLinePosition.Line, d.Id)).OrderBy(d => d.Line).ToList();
            Assert.Equal(expected, actual);

            // Each comment quotes the diagnostic's own words (its code, and the message's key part).
            foreach (Diagnostic diagnostic in diagnostics)
            {
                string comment = lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line];
                string code = Regex.Match(comment, @"\(([A-Za-z.]+)\)\s*$").Groups[1].Value;
                string message = diagnostic.GetMessage();
                Assert.True(code.Length == 0 || message.Contains("(the server returns " + code + ")", StringComparison.Ordinal), message);
            }

            Assert.Contains(diagnostics, d => d.GetMessage().Contains("SecurityGroupIds \"default\" must be a security group ID such as sg-abcd1234", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("InstanceCount 101 must be from 1 to 100", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.GetMessage().Contains("MinCount must be at most InstanceCount (MinCount = 120, InstanceCount = 101)", StringComparison.Ordinal));

            // The codes named only by the overlay's enumeration, constraints and rule are in the error-code type.
            INamedTypeSymbol kinds = result.Output.GetTypeByMetadataName("Cvm.V20170312.ApiErrorCodeKind")!;
            foreach (string member in new[] { "InvalidParameterValue", "InvalidParameterValue_Range", "InvalidParameterValue_TooLong", "MissingParameter" })
            {
                Assert.NotEmpty(kinds.GetMembers(member));
            }
        }
    }
}
