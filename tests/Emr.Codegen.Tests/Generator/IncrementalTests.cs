using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Emr.Codegen.Generator;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>The pipeline caches: unrelated edits and equivalent spec edits redo nothing.</summary>
    public class IncrementalTests
    {
        private static readonly string[] Steps = { TrackingNames.SpecFiles, TrackingNames.SpecRead, TrackingNames.SpecDiagnostics, TrackingNames.SpecModel, TrackingNames.RuntimeReference, TrackingNames.RuntimeDiagnostics, TrackingNames.HostingSupport, TrackingNames.FileModels };

        private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText Spec) FirstRun(string specText)
        {
            var compilation = GeneratorHarness.CreateCompilation(new[] { "class Program { static void Main() { } }" });
            var text = new InMemoryAdditionalText(TestPaths.DefaultSpec, specText);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new AdditionalText[] { text }).RunGenerators(compilation);
            return (driver, compilation, text);
        }

        private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

        [Fact]
        public void An_unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
        {
            var (driver, compilation, _) = FirstRun(File.ReadAllText(TestPaths.DefaultSpec));
            var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 42; }", GeneratorHarness.ParseOptions));
            driver = driver.RunGenerators(edited);
            GeneratorRunResult result = Result(driver);
            foreach (string step in Steps)
            {
                Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    step + " was " + output.Reason));
            }

            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }

        [Fact]
        public void Referencing_Microsoft_Extensions_Http_adds_only_the_registration_file()
        {
            var (driver, compilation, _) = FirstRun(File.ReadAllText(TestPaths.DefaultSpec));
            Compilation withHosting = compilation.AddReferences(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions).Assembly.Location));
            driver = driver.RunGenerators(withHosting);
            GeneratorRunResult result = Result(driver);
            Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.HostingSupport].Single().Outputs.Single().Reason);
            var changed = result.TrackedSteps[TrackingNames.FileModels].Single().Outputs
                .Where(o => o.Reason is not (IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached)).Select(o => ((FileModel)o.Value).HintName);
            Assert.Equal(new[] { "Emr.V20190103.EmrClientServiceCollectionExtensions.g.cs" }, changed);
        }

        [Fact]
        public void A_whitespace_only_spec_edit_changes_no_output()
        {
            string spec = File.ReadAllText(TestPaths.DefaultSpec);
            var (driver, compilation, specText) = FirstRun(spec);
            ImmutableArray<GeneratedSourceResult> before = Result(driver).GeneratedSources;
            driver = driver.ReplaceAdditionalText(
                specText,
                new InMemoryAdditionalText(TestPaths.DefaultSpec, "\n\n" + spec.Replace("\n", "\r\n\t  ") + "\n\n"));
            driver = driver.RunGenerators(compilation);
            GeneratorRunResult result = Result(driver);
            Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[TrackingNames.SpecFiles].Single().Outputs.Single().Reason);
            Assert.Equal(IncrementalStepRunReason.Unchanged, result.TrackedSteps[TrackingNames.SpecRead].Single().Outputs.Single().Reason);
            Assert.Equal(IncrementalStepRunReason.Cached, result.TrackedSteps[TrackingNames.SpecModel].Single().Outputs.Single().Reason);
            Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
            Assert.Equal(before.Select(s => s.SourceText.ToString()), result.GeneratedSources.Select(s => s.SourceText.ToString()));
        }

        [Fact]
        public void Changing_one_object_regenerates_only_that_objects_file()
        {
            string spec = File.ReadAllText(TestPaths.DefaultSpec);
            var (driver, compilation, specText) = FirstRun(spec);
            string changed = spec.Replace("\"A tag: a key and a value.\"", "\"A tag, with a key and a value.\"");
            Assert.NotEqual(spec, changed);
            driver = driver.ReplaceAdditionalText(specText, new InMemoryAdditionalText(TestPaths.DefaultSpec, changed));
            driver = driver.RunGenerators(compilation);
            GeneratorRunResult result = Result(driver);
            var reasons = result.TrackedSteps[TrackingNames.FileModels].Single().Outputs.Select(o => (Model: (FileModel)o.Value, o.Reason)).ToList();
            var modified = reasons.Where(r => r.Reason != IncrementalStepRunReason.Unchanged && r.Reason != IncrementalStepRunReason.Cached).Select(r => r.Model.HintName).ToList();
            Assert.Equal(new[] { "Emr.V20190103.Tag.g.cs" }, modified);
            Assert.Contains("A tag, with a key and a value.", result.GeneratedSources.Single(s => s.HintName == "Emr.V20190103.Tag.g.cs").SourceText.ToString());
        }

        [Fact]
        public void Pipeline_models_hold_no_roslyn_symbols_syntax_or_compilations()
        {
            var (driver, _, _) = FirstRun(File.ReadAllText(TestPaths.DefaultSpec));
            foreach (var step in Result(driver).TrackedSteps.Where(s => Steps.Contains(s.Key)).SelectMany(s => s.Value))
            {
                foreach (var output in step.Outputs)
                {
                    AssertNoRoslynObjects(output.Value, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }

        private static void AssertNoRoslynObjects(object? value, HashSet<object> seen)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal || !seen.Add(value))
            {
                return;
            }

            Assert.False(value is ISymbol || value is SyntaxNode || value is Compilation || value is Location || value is SemanticModel, value.GetType().FullName);
            if (value is System.Collections.IEnumerable items)
            {
                foreach (object? item in items)
                {
                    AssertNoRoslynObjects(item, seen);
                }
            }

            if (value.GetType().Namespace?.StartsWith("Emr.Codegen", StringComparison.Ordinal) != true)
            {
                return;
            }

            foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && !p.GetMethod!.IsStatic))
            {
                AssertNoRoslynObjects(property.GetValue(value), seen);
            }
        }
    }
}
