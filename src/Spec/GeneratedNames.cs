using System;
using System.Collections.Generic;
using Emr.Codegen.Runtime;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>Names in generated code that the generator and the analyzers must agree on.</summary>
    internal static class GeneratedNames
    {
        /// <summary>The attribute that carries a type's spec fragment for the analyzers (in the runtime, <see cref="RuntimeNamespace"/>).</summary>
        public const string SpecMetadataAttribute = "EmrSpecMetadataAttribute";

        /// <summary>The runtime library's assembly name and namespace: generated code is written over it.</summary>
        public const string RuntimeAssembly = "Emr.Codegen.Runtime";

        /// <summary>The namespace of the runtime's types (<see cref="RuntimeAssembly"/>).</summary>
        public const string RuntimeNamespace = "Emr.Codegen.Runtime";

        /// <summary>The full metadata name of the attribute the analyzers and code fixes recognise generated types by.</summary>
        public const string SpecMetadataAttributeFullName = RuntimeNamespace + "." + SpecMetadataAttribute;

        /// <summary>
        /// The version of the spec fragment's format, written into each generated type's metadata attribute. A generator
        /// that writes something the analyzers of an earlier version would misread raises it.
        /// </summary>
        public const int FragmentVersion = 1;

        /// <summary>The error-code type every spec generates, which implements the runtime's <c>IApiErrorCode</c>.</summary>
        public const string ErrorCodeType = "ApiErrorCode";

        /// <summary>
        /// The types (and file names) the generator adds to the spec's namespace beside the spec's own: the spec's error codes,
        /// its metadata and its JSON resolver. Everything shared is in the runtime. A spec type may not take one, in any
        /// letter case: Roslyn compares hint names ignoring case, so <c>APIMETADATA</c> would clash with <c>ApiMetadata.g.cs</c>.
        /// </summary>
        public static readonly IReadOnlyList<string> HelperTypeNames = new[] { ErrorCodeType, "ApiErrorCodeKind", "ApiMetadata", "ApiJsonResolver" };

        private static readonly HashSet<string> HelperTypeNameSet = new HashSet<string>(HelperTypeNames, StringComparer.OrdinalIgnoreCase);

        /// <summary>The static field of every generated object and enumeration that holds its shared type data.</summary>
        public const string TypeDataField = "EmrType";

        /// <summary>Member names the generated enumeration struct has of its own.</summary>
        public static readonly HashSet<string> EnumMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Value", "Name", "Description", "IsDefined", "KnownValues", "Equals", "GetHashCode", "ToString", "GetType",
            "_value", // the struct's field
            TypeDataField,
        };

        /// <summary>What every class inherits from object: a nested type of that name (an action's class in ApiMetadata) would hide it (CS0108).</summary>
        public static readonly HashSet<string> ObjectMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
        };

        /// <summary>Why a spec name cannot name a generated object or enumeration, or null when it can.</summary>
        public static string? TypeNameProblem(string name, bool isEnumeration)
        {
            if (!CSharpNames.IsTypeName(name))
            {
                return "'" + name + "' is not a valid C# type name";
            }

            if (name.Trim('_').Length == 0)
            {
                return "'" + name + "' is only underscores: as a type, '_' would turn every discard (out _) in generated code into that type";
            }

            if (name[0] == '_')
            {
                return "'" + name + "' starts with '_', the form of the generated classes' own fields (_timeSpan)";
            }

            if (CSharpNames.IsLowerCaseAsciiWord(name))
            {
                return "'" + name + "' is only lower-case ASCII letters: C# reserves such type names for keywords (required, file, scoped, record, ...)";
            }

            if (HelperTypeNameSet.Contains(name))
            {
                return "'" + name + "' is the name of a type the generator adds to the spec's namespace (" + string.Join(", ", HelperTypeNames) + ", in any letter case)";
            }

            if (isEnumeration ? EnumMemberNames.Contains(name) : ReservedNames.Contains(name))
            {
                return "'" + name + "' is the name of a member every generated " + (isEnumeration ? "enumeration" : "class") + " has";
            }

            return null;
        }

        /// <summary>Names the generated class uses itself; a member with one of them gets a suffix.</summary>
        private static readonly HashSet<string> ReservedNames = new HashSet<string>
        {
            "Validate", "EnsureValid", "ToJson", "FromJson", "ToFormParameters", "ToFormString", "FromFormParameters", "ParseForm", // the API of every object
            "ParseEnvelope", // of every response
            "EmrSpecFragment", TypeDataField, // its spec fragment and member table
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", // inherited from object
        };

        /// <summary>The C# property of a member: the API's name, with a suffix where C# or the generated class needs one.</summary>
        public static string PropertyName(MemberModel member, ObjectModel owner)
        {
            string name = member.Name;
            while (name == owner.Name || ReservedNames.Contains(name) || (owner.Role == ObjectRole.Response && name == "Error" && member.Name != "Error"))
            {
                name += "Value";
            }

            return CSharpNames.Identifier(name);
        }
    }
}
