using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Emr.Codegen.Tests.Infrastructure
{
    /// <summary>Analyzer markup tests over code that uses the types generated from a spec.</summary>
    public static class AnalyzerVerifier
    {
        private static readonly Lazy<IReadOnlyList<(string Name, string Text)>> DefaultGenerated = new(() => Generated(new[] { (TestPaths.DefaultSpec, File.ReadAllText(TestPaths.DefaultSpec)) }));

        /// <summary>No reference pack is downloaded: the references come from Basic.Reference.Assemblies.</summary>
        public static readonly ReferenceAssemblies References = new ReferenceAssemblies("net10.0");

        public static IReadOnlyList<(string Name, string Text)> Generated(IEnumerable<(string Path, string Text)> specs)
        {
            var result = GeneratorHarness.Run(specs);
            if (result.GeneratorDiagnostics.Length > 0)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.GeneratorDiagnostics));
            }

            return result.RunResult.Results.Single().GeneratedSources.Select(s => ("/generated/" + s.HintName, s.SourceText.ToString())).ToList();
        }

        public static DiagnosticResult Diagnostic(string id, params int[] locations)
        {
            var result = new DiagnosticResult(id, id == "EMR0012" ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning);
            foreach (int location in locations)
            {
                result = result.WithLocation(location);
            }

            return result;
        }

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, DefaultGenerated.Value, expected);

        /// <summary>The code is several files of one project (markup may sit in any of them).</summary>
        public static async Task VerifyFilesAsync(string[] sources, params DiagnosticResult[] expected)
        {
            var test = new Test();
            for (int i = 0; i < sources.Length; i++)
            {
                test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            }

            foreach (var (name, text) in DefaultGenerated.Value)
            {
                test.TestState.Sources.Add((name, text));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>For top-level statements: the code is a program.</summary>
        public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, DefaultGenerated.Value, expected, OutputKind.ConsoleApplication);

        public static Task VerifyAsync(string source, IReadOnlyList<(string Name, string Text)> generated, params DiagnosticResult[] expected) =>
            VerifyAsync(source, generated, expected, OutputKind.DynamicallyLinkedLibrary);

        private static async Task VerifyAsync(string source, IReadOnlyList<(string Name, string Text)> generated, DiagnosticResult[] expected, OutputKind kind)
        {
            var test = new Test { TestCode = source };
            test.TestState.OutputKind = kind;
            foreach (var (name, text) in generated)
            {
                test.TestState.Sources.Add((name, text));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>The application references a library that holds the generated types; the spec is not in the application.</summary>
        public static async Task VerifyWithLibraryAsync(string source, params DiagnosticResult[] expected)
        {
            var library = GeneratorHarness.CreateCompilation(DefaultGenerated.Value.Select(g => g.Text), "Emr.Library");
            using var stream = new MemoryStream();
            var emit = library.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            var test = new Test { TestCode = source };
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(stream.ToArray()));
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(CancellationToken.None);
        }

        /// <summary>References without a download, and the generated code as sources.</summary>
        public static void AddReferencesAndSources(SolutionState state, IReadOnlyList<(string Name, string Text)>? generated = null)
        {
            state.AdditionalReferences.AddRange(TestReferences.All);
            foreach (var (name, text) in generated ?? Array.Empty<(string, string)>())
            {
                state.Sources.Add((name, text));
            }
        }

        public static ParseOptions ParseOptions => new CSharpParseOptions(LanguageVersion.Latest);

        public static CompilationOptions WithNullable(CompilationOptions options) => ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

        public sealed class Test : CSharpAnalyzerTest<RequestAnalyzer, DefaultVerifier>
        {
            public Test()
            {
                ReferenceAssemblies = References;
                AddReferencesAndSources(TestState);
            }

            protected override ParseOptions CreateParseOptions() => AnalyzerVerifier.ParseOptions;

            protected override CompilationOptions CreateCompilationOptions() => WithNullable(base.CreateCompilationOptions());
        }
    }
}
