using System.Collections.Generic;
using System.IO;
using System.Linq;
using Emr.Codegen.Generator;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>A library generates the types; an application that references it and runs the generator too generates nothing twice.</summary>
    public class LayoutTests
    {
        private static MetadataReference Library(string visibility, string name = "Emr.Library")
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string> { [EmrGenerator.VisibilityProperty] = visibility });
            using var stream = new MemoryStream();
            var emit = result.Output.WithAssemblyName(name).Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        private const string Application = "public static class Use { public static string Form(Emr.V20190103.Placement p) => p.ToFormString(); public static Emr.V20190103.Placement Make() => new Emr.V20190103.Placement { Zone = \"ap-guangzhou-3\" }; }";

        [Fact]
        public void An_application_that_references_a_library_with_the_types_generates_nothing()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string>(), new[] { Library("public") }, Application);
            Assert.Empty(result.RunResult.Results.Single().GeneratedSources);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings); // no CS0436, no CS1503
        }

        [Fact]
        public void An_application_that_references_libraries_with_internal_copies_generates_its_own()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string>(), new[] { Library("internal", "LibA"), Library("internal", "LibB") }, Application);
            Assert.NotEmpty(result.RunResult.Results.Single().GeneratedSources);
            Assert.Empty(result.CompilationErrorsAndWarnings);
        }

        [Fact]
        public void An_unrelated_edit_keeps_the_reference_check_and_every_later_step_cached()
        {
            var specPath = TestPaths.DefaultSpec;
            var compilation = GeneratorHarness.CreateCompilation(new[] { Application });
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { (specPath, File.ReadAllText(specPath)) }).RunGenerators(compilation);
            driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions)));
            GeneratorRunResult run = driver.GetRunResult().Results.Single();
            foreach (string step in new[] { TrackingNames.ReferencedTypes, TrackingNames.Settings, TrackingNames.SettingsDiagnostics, TrackingNames.FileModels })
            {
                Assert.All(run.TrackedSteps[step].SelectMany(s => s.Outputs), output => Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " was " + output.Reason));
            }

            Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        }
    }
}
