using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using Emr.Codegen.Analyzers;
using Emr.Codegen.CodeFixes;
using Emr.Codegen.Generator;

namespace Emr.Codegen.Tests.Package
{
    /// <summary>The compiler extensions load in any host: netstandard2.0, one old Roslyn, Workspaces only for the fixes.</summary>
    public class CompilerExtensionTests
    {
        public static TheoryData<string> Extensions => new() { "generator", "analyzers", "codefixes" };

        private static Assembly Load(string name) => name switch
        {
            "generator" => typeof(EmrGenerator).Assembly,
            "analyzers" => typeof(RequestAnalyzer).Assembly,
            _ => typeof(SpecValueCodeFixProvider).Assembly,
        };

        [Theory]
        [MemberData(nameof(Extensions))]
        public void Targets_netstandard2_0_and_roslyn_4_8(string name)
        {
            Assembly assembly = Load(name);
            Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
            var roslyn = assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, a => Assert.Equal(new System.Version(4, 8, 0, 0), a.Version));
        }

        [Theory]
        [MemberData(nameof(Extensions))]
        public void Only_the_code_fixes_reference_workspaces_and_nothing_else_is_needed(string name)
        {
            var references = Load(name).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.Equal(name == "codefixes", references.Any(r => r.StartsWith("Microsoft.CodeAnalysis.Workspaces", System.StringComparison.Ordinal)));

            // Only what every compiler host has: the framework, Roslyn, and (for the fixes) the analyzers beside them.
            Assert.All(references, r => Assert.True(
                r == "netstandard" || r.StartsWith("Microsoft.CodeAnalysis", System.StringComparison.Ordinal) || r == "System.Collections.Immutable" || (name == "codefixes" && (r == "Emr.Codegen.Analyzers" || r == "System.Composition.AttributedModel")),
                name + " references " + r));
        }
    }
}
