using System;

namespace Emr.Codegen.Runtime;

/// <summary>Carries the spec's rules for the Emr.Codegen analyzers, which read them from the compiled type.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EmrSpecMetadataAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public EmrSpecMetadataAttribute(string spec) => Spec = spec;

    /// <summary>A spec fragment: the type's members, enumerations and rules.</summary>
    public string Spec { get; }
}
