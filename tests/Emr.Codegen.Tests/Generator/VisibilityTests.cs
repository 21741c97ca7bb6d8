using System.Collections.Generic;
using System.Linq;
using Emr.Codegen.Generator;
using Emr.Codegen.Runtime;
using Emr.Codegen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Tests.Generator
{
    /// <summary>EmrCodegenVisibility: every generated type public (default) or internal.</summary>
    public class VisibilityTests
    {
        private static IEnumerable<INamedTypeSymbol> GeneratedTypes(Compilation compilation) =>
            compilation.Assembly.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Emr").GetNamespaceMembers().Single().GetTypeMembers();

        [Fact]
        public void Internal_makes_every_generated_type_internal_and_the_code_compiles_clean()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string> { [EmrGenerator.VisibilityProperty] = "internal" });
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationErrorsAndWarnings);
            var types = GeneratedTypes(result.Output).ToList();
            Assert.Contains(types, t => t.Name == "CreateInstanceRequest");
            Assert.All(types, type => Assert.NotEqual(Accessibility.Public, type.DeclaredAccessibility));
        }

        [Fact]
        public void Default_keeps_the_api_types_public()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string>());
            var types = GeneratedTypes(result.Output).GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());
            foreach (string name in new[] { "CreateInstanceRequest", "PayMode", "ApiErrorCode", "ApiMetadata", "ApiJsonResolver" })
            {
                Assert.Equal(Accessibility.Public, types[name].DeclaredAccessibility);
            }

            // The shared types are the runtime's, public there, and no longer generated beside the spec's.
            foreach (string name in new[] { "ApiObject`1", "ApiValidationProblem", "EmrSpecMetadataAttribute" })
            {
                Assert.False(types.ContainsKey(name.Split('`')[0]), name + " is generated");
                Assert.Equal(Accessibility.Public, result.Output.GetTypeByMetadataName(RuntimeTypes.Namespace + "." + name)!.DeclaredAccessibility);
            }
        }

        [Fact]
        public void An_unknown_visibility_is_an_error_and_the_types_stay_public()
        {
            var result = SettingsHarness.Run(TestPaths.DefaultSpec, new Dictionary<string, string> { [EmrGenerator.VisibilityProperty] = "protected" });
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal("EMR2003", diagnostic.Id);
            Assert.Contains("'protected'", diagnostic.GetMessage());
            Assert.Equal(Accessibility.Public, result.Output.GetTypeByMetadataName("Emr.V20190103.CreateInstanceRequest")!.DeclaredAccessibility);
        }
    }
}
