using System.Reflection;

namespace Emr.Codegen.Runtime;

/// <summary>
/// Which runtime this is. The generator writes code for the runtime of its own package version and checks, at build time,
/// that the build binds exactly that version (EMR2005 otherwise, naming both), so a project never runs generated code over
/// a runtime that lacks what the code calls.
/// </summary>
public static class RuntimeContract
{
    /// <summary>The package version this runtime was built as (<c>1.0.0</c>, <c>1.1.0-preview.1</c>).</summary>
    public static string PackageVersion { get; } = VersionOf(typeof(RuntimeContract).Assembly);

    /// <summary>An assembly's package version: its informational version without the source revision after a '+'.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>The version, or the assembly version when it has no informational version.</returns>
    public static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', System.StringComparison.Ordinal);
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
