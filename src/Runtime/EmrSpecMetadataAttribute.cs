using System;

namespace Emr.Codegen.Runtime;

/// <summary>
/// Carries a generated type's spec fragment for the Emr.Codegen analyzers, which read it from the compiled type and
/// recognise the type by this attribute's full name. The fragment's version is the contract between the generator that
/// wrote it and the analyzers that read it: analyzers that meet a newer one say so instead of checking nothing in silence.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EmrSpecMetadataAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="spec">The spec fragment.</param>
    /// <param name="fragmentVersion">The version of the fragment's format.</param>
    public EmrSpecMetadataAttribute(string spec, int fragmentVersion)
    {
        Spec = spec;
        FragmentVersion = fragmentVersion;
    }

    /// <summary>A spec fragment: the type's members, enumerations and rules.</summary>
    public string Spec { get; }

    /// <summary>The version of the fragment's format.</summary>
    public int FragmentVersion { get; }
}
