using System.Collections.Generic;
using Emr.Codegen.Spec.Model;

namespace Emr.Codegen.Spec
{
    /// <summary>Names in generated code that the generator and the analyzers must agree on.</summary>
    internal static class GeneratedNames
    {
        /// <summary>The attribute that carries a type's spec fragment for the analyzers.</summary>
        public const string SpecMetadataAttribute = "EmrSpecMetadataAttribute";

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
