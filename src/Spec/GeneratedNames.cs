using System.Collections.Generic;
using System;
using Emr.Codegen.Runtime;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>Names in generated code that the generator and the analyzers must agree on.</summary>
    internal static class GeneratedNames
    {
        /// <summary>The attribute that carries a type's spec fragment for the analyzers.</summary>
        public const string SpecMetadataAttribute = "EmrSpecMetadataAttribute";

        /// <summary>
        /// Types, namespaces and file names (hint names) the generator adds to the spec's namespace. A spec type may not take
        /// one, in any letter case: Roslyn compares hint names ignoring case, so <c>APIHELPERS</c> would clash with
        /// <c>ApiHelpers.g.cs</c> and lose all generated output.
        /// </summary>
        public static readonly IReadOnlyList<string> HelperTypeNames = new[]
        {
            "ApiHelpers", "ApiError", "ApiErrorCode", "ApiErrorCodeKind", "ApiMetadata", "ApiValidation", "ApiValidationProblem", "ApiValidationSeverity",
            "ApiValidationException", "ApiFormEncoding", "ApiJson", "ApiJsonResolver", SpecMetadataAttribute, "EmrSpecMetadata",
            "ApiCredential", "ApiClientOptions", "ApiClientRequestInfo", "ApiClientResponseInfo", "ApiException", "ApiClientRuntime", // the generated client's runtime
            "EmrCodegenRules", // the namespace the rule engine is emitted into
        };

        /// <summary>
        /// Prefixes of the generator's helper types (<c>ApiJson</c>, <c>ApiObject&lt;T&gt;</c>, <c>IApiValue</c>, ...): a spec type
        /// named <c>Api</c> or <c>IApi</c> followed by an upper-case letter could clash with a helper, today's or a later one's.
        /// </summary>
        public static readonly IReadOnlyList<string> HelperTypePrefixes = new[] { "Api", "IApi" };

        private static readonly HashSet<string> HelperTypeNameSet = new HashSet<string>(HelperTypeNames, StringComparer.OrdinalIgnoreCase);

        /// <summary>The static field of every generated object and enumeration that holds its shared type data.</summary>
        public const string TypeDataField = "EmrType";

        /// <summary>Member names the generated enumeration struct has of its own.</summary>
        public static readonly HashSet<string> EnumMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Value", "Name", "Description", "IsDefined", "KnownValues", "Parse", "ReadJson", "WriteJson", "EmrJsonConverter", "EmrCodec", "Equals", "GetHashCode", "ToString", "GetType",
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

            if (HelperTypeNameSet.Contains(name) || IsHelperPrefixed(name))
            {
                return "'" + name + "' is reserved for a generated helper type (names starting with 'Api' or 'IApi' and an upper-case letter, and " + string.Join(", ", HelperTypeNames) + " in any letter case)";
            }

            if (isEnumeration ? EnumMemberNames.Contains(name) : ReservedNames.Contains(name))
            {
                return "'" + name + "' is the name of a member every generated " + (isEnumeration ? "enumeration" : "class") + " has";
            }

            return null;
        }

        private static bool IsHelperPrefixed(string name)
        {
            foreach (string prefix in HelperTypePrefixes)
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && (char.IsUpper(name[prefix.Length]) || char.IsDigit(name[prefix.Length]) || name[prefix.Length] == '_'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Names the generated class uses itself; a member with one of them gets a suffix.</summary>
        private static readonly HashSet<string> ReservedNames = new HashSet<string>
        {
            "Validate", "EnsureValid", "ToJson", "FromJson", "ToFormParameters", "ToFormString", "FromFormParameters", "ParseForm",
            "ParseEnvelope", "CollectProblems", "WriteForm", "ReadForm", "CreateUnset", "EmrJsonConverter", "SpecFragment", "EmrSpecFragment", "s_emrRuleDefinition", "EmrType",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
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
