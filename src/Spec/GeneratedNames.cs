using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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

        /// <summary>The property every generated response has for the server's error: no response class may take its name (CS0542).</summary>
        public const string ResponseErrorProperty = "Error";

        /// <summary>The property every generated response has for the members the server sent with another type than documented.</summary>
        public const string ResponseDeviationsProperty = "Deviations";

        /// <summary>The names of the properties every generated response adds: no response class may take one (CS0542).</summary>
        public static readonly IReadOnlyList<string> ResponsePropertyNames = new[] { ResponseErrorProperty, ResponseDeviationsProperty };

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

        /// <summary>
        /// Member names the generated enumeration struct has of its own or from object, with the names C# reserves for its
        /// properties' accessors (<c>get_Value</c>) and operators (<c>op_Equality</c>).
        /// </summary>
        public static readonly HashSet<string> EnumMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Value", "get_Value", "set_Value", "Name", "get_Name", "set_Name", "Description", "get_Description", "set_Description",
            "IsDefined", "get_IsDefined", "set_IsDefined", "KnownValues", "get_KnownValues", "set_KnownValues",
            "op_Implicit", "op_Explicit", "op_Equality", "op_Inequality",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals",
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

        /// <summary>Names the generated class uses itself or inherits; a member with one of them gets a suffix.</summary>
        private static readonly HashSet<string> ReservedNames = new HashSet<string>
        {
            "Validate", "EnsureValid", "ToJson", "FromJson", "ToFormParameters", "ToFormString", "FromFormParameters", "ParseForm", // the API of every object
            "ParseEnvelope", // of every response
            "EmrSpecFragment", TypeDataField, // its spec fragment and member table
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals", // inherited from object
            // The accessors of a response's Error property. Reserved in every class: the analyzers read a class's members
            // without its role, and must name its properties as the generator did.
            "get_Error", "set_Error",
            // Every response's Deviations and the base class's ReadDeviations behind it.
            "Deviations", "get_Deviations", "set_Deviations", "ReadDeviations", "get_ReadDeviations", "set_ReadDeviations",
        };

        /// <summary>The C# property of a member: the API's name, with a suffix where C# or the generated class needs one.</summary>
        public static string PropertyName(MemberModel member, ObjectModel owner) => CSharpNames.Identifier(NamesOf(owner).Of(member).Property);

        /// <summary>The private field that keeps a member's value where the generated class has one: '_' and the property name, apart from every other member.</summary>
        public static string BackingFieldName(MemberModel member, ObjectModel owner) => NamesOf(owner).Of(member).Field;

        /// <summary>
        /// The property name (<c>P</c>) whose accessor C# would name <paramref name="name"/> (<c>get_P</c> or <c>set_P</c>, reserved
        /// for every property P whatever accessors it has), or null.
        /// </summary>
        public static string? AccessedProperty(string name) =>
            name.Length > AccessorPrefixLength && (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal))
                ? name.Substring(AccessorPrefixLength)
                : null;

        private const int AccessorPrefixLength = 4;

        /// <summary>How many accessor prefixes a name starts with: 0 for <c>A</c>, 1 for <c>get_A</c>, 2 for <c>set_get_A</c>; a "Value" suffix keeps it.</summary>
        private static int AccessorDepth(string name)
        {
            int depth = 0;
            while (HasAccessorPrefixAt(name, depth * AccessorPrefixLength))
            {
                depth++;
            }

            return depth;
        }

        private static bool HasAccessorPrefixAt(string name, int index) =>
            string.CompareOrdinal(name, index, "get_", 0, AccessorPrefixLength) == 0 || string.CompareOrdinal(name, index, "set_", 0, AccessorPrefixLength) == 0;

        // Computed once per model: the analyzers ask for one member's property at a time, and each depends on its siblings.
        private static readonly ConditionalWeakTable<ObjectModel, ObjectNames> NamesByObject = new ConditionalWeakTable<ObjectModel, ObjectNames>();

        private static ObjectNames NamesOf(ObjectModel owner) => NamesByObject.GetValue(owner, o => new ObjectNames(o));

        /// <summary>The C# names of one object's members: properties and fields.</summary>
        private sealed class ObjectNames
        {
            private readonly Dictionary<string, (string Property, string Field)> _byMember = new Dictionary<string, (string Property, string Field)>(StringComparer.Ordinal);

            public ObjectNames(ObjectModel owner)
            {
                // C# reserves get_P and set_P for a property P, so a member get_P beside P gets a suffix; with it, it may be the
                // accessor name of yet another property (get_PValue's, or get_get_P's beside get_P). A name is decided after every
                // name with one accessor prefix fewer, the only ones it can clash with, so one pass in that order settles all.
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                var settledAtDepth = new List<HashSet<string>>();
                foreach (IGrouping<int, MemberModel> level in owner.Members.GroupBy(m => AccessorDepth(m.Name)).OrderBy(g => g.Key))
                {
                    while (settledAtDepth.Count <= level.Key)
                    {
                        settledAtDepth.Add(new HashSet<string>(StringComparer.Ordinal));
                    }

                    HashSet<string>? below = level.Key > 0 ? settledAtDepth[level.Key - 1] : null;
                    foreach (MemberModel member in level)
                    {
                        string name = member.Name;
                        while (IsTakenByClass(name, owner.Name) || (below != null && below.Contains(name.Substring(AccessorPrefixLength))))
                        {
                            name += "Value";
                        }

                        properties[member.Name] = name;
                        settledAtDepth[level.Key].Add(name);
                    }
                }

                // A required number keeps its value in a field named after its property with a lower-case first letter; members
                // that differ only by that letter (Ab, ab) would share it, so each member takes its own, whether it needs one or not.
                var taken = new HashSet<string>(properties.Values, StringComparer.Ordinal);
                foreach (MemberModel member in owner.Members)
                {
                    string property = properties[member.Name];
                    string field = "_" + char.ToLowerInvariant(property[0]) + property.Substring(1);
                    // Not a keyword either: the field of _arglist would be __arglist.
                    while (CSharpNames.Identifier(field) != field || !taken.Add(field))
                    {
                        field += "_";
                    }

                    _byMember[member.Name] = (property, field);
                }
            }

            public (string Property, string Field) Of(MemberModel member) =>
                _byMember.TryGetValue(member.Name, out var names) ? names : throw new ArgumentException("'" + member.Name + "' is not a member of this object", nameof(member));

            /// <summary>A name the class itself has (or whose accessor would be named like the class, CS0542), or reserves for its own members.</summary>
            private static bool IsTakenByClass(string name, string className) =>
                name == className || AccessedProperty(className) == name || ReservedNames.Contains(name);
        }

        /// <summary>Members of ApiMetadata besides the actions' classes.</summary>
        private static readonly HashSet<string> MetadataMemberNames = new HashSet<string>(StringComparer.Ordinal) { "ApiMetadata", "Service", "ApiVersion", "DefaultDomain", "GetEndpoint" };

        /// <summary>Members of an action's class in ApiMetadata, its properties' getters included: none may be named like the class (CS0542).</summary>
        private static readonly HashSet<string> ActionClassMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Name", "Version", "RateLimitPerSecond", "RequestType", "get_RequestType", "ResponseType", "get_ResponseType", "ErrorCodes", "get_ErrorCodes",
        };

        /// <summary>
        /// The class in ApiMetadata of each action, in order: the action's name, with 'Action' appended while that is a member of
        /// ApiMetadata or of the class itself, or another action's name or class.
        /// </summary>
        public static IReadOnlyList<string> ActionClassNames(IReadOnlyList<string> actions)
        {
            var taken = new HashSet<string>(actions, StringComparer.Ordinal);
            var names = new List<string>(actions.Count);
            foreach (string action in actions)
            {
                string name = action;
                if (MetadataMemberNames.Contains(name) || ActionClassMemberNames.Contains(name))
                {
                    do
                    {
                        name += "Action";
                    }
                    while (MetadataMemberNames.Contains(name) || ActionClassMemberNames.Contains(name) || !taken.Add(name));
                }

                names.Add(name);
            }

            return names;
        }
    }
}
