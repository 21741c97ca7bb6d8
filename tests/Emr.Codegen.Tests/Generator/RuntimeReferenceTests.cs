extern alias runtime;

using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>
    /// Generated code runs on Emr.Codegen.Runtime of the generator's own version: without it, or with another one, the build
    /// stops with an error that says so (and nothing is generated), never a MissingMethodException at run time.
    /// </summary>
    public class RuntimeReferenceTests
    {
        private static readonly string OwnVersion = runtime::Emr.Codegen.Runtime.RuntimeContract.PackageVersion;

        private static (ImmutableArray<Diagnostic> Diagnostics, int Generated) Generate(MetadataReference? runtimeReference)
        {
            var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
            if (runtimeReference != null)
            {
                references.Add(runtimeReference);
            }

            var compilation = CSharpCompilation.Create(
                "Consumer",
                new[] { CSharpSyntaxTree.ParseText("class Program { }", GeneratorHarness.ParseOptions) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) })
                .RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics);
            return (diagnostics, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        }

        /// <summary>An assembly named Emr.Codegen.Runtime that says it is <paramref name="version"/>, as another package version would.</summary>
        private static MetadataReference RuntimeOfVersion(string version)
        {
            string source = "[assembly: System.Reflection.AssemblyInformationalVersion(\"" + version + "+abcdef\")]\nnamespace Emr.Codegen.Runtime { public static class RuntimeContract { } }";
            var compilation = CSharpCompilation.Create(
                "Emr.Codegen.Runtime",
                new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions) },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        [Fact]
        public void The_runtime_of_the_generators_version_gets_the_code_and_no_diagnostic()
        {
            var (diagnostics, generated) = Generate(TestReferences.Runtime);
            Assert.Empty(diagnostics);
            Assert.True(generated > 0);
        }

        [Fact]
        public void Without_the_runtime_the_build_stops_with_EMR2004_saying_what_to_reference()
        {
            var (diagnostics, generated) = Generate(null);
            Diagnostic diagnostic = Assert.Single(diagnostics);
            Assert.Equal("EMR2004", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains("Emr.Codegen.Runtime " + OwnVersion, diagnostic.GetMessage());
            Assert.Contains("<PackageReference Include=\"Emr.Codegen\"", diagnostic.GetMessage());
            Assert.Equal(0, generated);
        }

        [Theory]
        [InlineData("0.9.0")]
        [InlineData("9.9.0")]
        [InlineData("1.0.0-preview.1")]
        public void An_older_or_newer_runtime_stops_the_build_with_EMR2005_naming_both_versions(string other)
        {
            Assert.NotEqual(other, OwnVersion);
            var (diagnostics, generated) = Generate(RuntimeOfVersion(other));
            Diagnostic diagnostic = Assert.Single(diagnostics);
            Assert.Equal("EMR2005", diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Contains("binds Emr.Codegen.Runtime " + other + ",", diagnostic.GetMessage());
            Assert.Contains("writes code for Emr.Codegen.Runtime " + OwnVersion, diagnostic.GetMessage());
            Assert.Equal(0, generated);
        }

        [Fact]
        public void A_project_without_specs_needs_no_runtime()
        {
            var compilation = CSharpCompilation.Create("Plain", new[] { CSharpSyntaxTree.ParseText("class Program { }", GeneratorHarness.ParseOptions) }, Basic.Reference.Assemblies.Net100.References.All);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Array.Empty<AdditionalText>()).RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics);
            Assert.Empty(diagnostics);
            Assert.Empty(driver.GetRunResult().Results.Single().GeneratedSources);
        }
    }
}
