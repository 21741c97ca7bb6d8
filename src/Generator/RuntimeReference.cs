using System.Collections.Generic;
using Emr.Codegen.Generator.Emit;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Generator
{
    /// <summary>
    /// The Emr.Codegen.Runtime the compilation references, by its package version (null when it references none). Generated
    /// code calls the runtime of the generator's own version: another one may lack what it calls, so the build stops with an
    /// error that names both versions instead of failing at run time.
    /// </summary>
    internal sealed record RuntimeReference(string? Version)
    {
        public static RuntimeReference Of(Compilation compilation)
        {
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Identity.Name == GeneratedNames.RuntimeAssembly)
                {
                    return new RuntimeReference(PackageVersion(assembly));
                }
            }

            return new RuntimeReference((string?)null);
        }

        /// <summary>Whether generated code can be compiled against this reference.</summary>
        public bool Matches => Version == Types.ToolVersion;

        /// <summary>Why the generated code cannot be compiled here, when the compilation needs it; nothing when it can.</summary>
        public IEnumerable<SpecDiagnostic> Check(bool generates)
        {
            if (!generates || Matches)
            {
                yield break;
            }

            yield return Version is null
                ? new SpecDiagnostic(
                    RuntimeDiagnosticIds.RuntimeMissing,
                    "The project generates API types but does not reference Emr.Codegen.Runtime " + Types.ToolVersion + ", the library the generated code runs on. Reference the Emr.Codegen package without excluding its 'compile' assets (a plain <PackageReference Include=\"Emr.Codegen\" Version=\"" + Types.ToolVersion + "\" />), or reference Emr.Codegen.Runtime " + Types.ToolVersion + " directly",
                    string.Empty, 0, 0, 0)
                : new SpecDiagnostic(
                    RuntimeDiagnosticIds.RuntimeMismatch,
                    "The build binds Emr.Codegen.Runtime " + Version + ", but this Emr.Codegen generator (" + Types.ToolVersion + ") writes code for Emr.Codegen.Runtime " + Types.ToolVersion + ". Use one version of the Emr.Codegen package for the generator and the runtime (remove the other reference to Emr.Codegen.Runtime, or align the versions)",
                    string.Empty, 0, 0, 0);
        }

        private static string PackageVersion(IAssemblySymbol assembly)
        {
            foreach (AttributeData attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.Reflection.AssemblyInformationalVersionAttribute"
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string informational && informational.Length > 0)
                {
                    int plus = informational.IndexOf('+');
                    return plus < 0 ? informational : informational.Substring(0, plus);
                }
            }

            return assembly.Identity.Version.ToString(3);
        }
    }

    /// <summary>The ids of the runtime checks.</summary>
    internal static class RuntimeDiagnosticIds
    {
        public const string RuntimeMissing = "EMR2004";
        public const string RuntimeMismatch = "EMR2005";
    }
}
