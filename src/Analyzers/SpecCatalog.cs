using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;

namespace Emr.Codegen.Analyzers
{
    /// <summary>A member of the spec and the property generated for it.</summary>
    internal sealed record SpecMember(MemberModel Member, IPropertySymbol Property);

    /// <summary>A generated type and the spec fragment it carries.</summary>
    internal sealed class SpecObjectInfo
    {
        private readonly Dictionary<string, SpecMember> _membersByProperty = new Dictionary<string, SpecMember>();

        public SpecObjectInfo(INamedTypeSymbol type, SpecModel fragment, ObjectModel model, ObjectDefinition definition)
        {
            Type = type;
            Fragment = fragment;
            Model = model;
            Definition = definition;
            foreach (RuleDefinition rule in definition.Rules)
            {
                foreach (string path in RuleEngine.Paths(rule.When).Concat(RuleEngine.Paths(rule.Require)))
                {
                    RuleMembers.Add(path.Split('.')[0]);
                }
            }

            foreach (MemberModel member in model.Members)
            {
                string name = GeneratedNames.PropertyName(member, model).TrimStart('@');
                if (type.GetMembers(name).OfType<IPropertySymbol>().FirstOrDefault() is IPropertySymbol property)
                {
                    _membersByProperty[name] = new SpecMember(member, property);
                }
            }
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>Members whose values the rules read; the analysis keeps no others (nested objects aside).</summary>
        public HashSet<string> RuleMembers { get; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The fragment read as a spec: names, types and examples for diagnostics and fixes.</summary>
        public SpecModel Fragment { get; }

        /// <summary>The fragment read by the rule engine: what is checked, exactly as the generated Validate() checks it.</summary>
        public ObjectDefinition Definition { get; }

        public ObjectModel Model { get; }

        /// <summary>Every spec member with its generated property.</summary>
        public IEnumerable<SpecMember> Members => _membersByProperty.Values;

        /// <summary>The spec member behind a property of the generated type, by the property's name.</summary>
        public SpecMember? MemberFor(string propertyName) => _membersByProperty.TryGetValue(propertyName, out SpecMember? member) ? member : null;

        public EnumModel? EnumOf(MemberModel member) => Fragment.FindEnum(member.Enum);
    }

    /// <summary>
    /// Finds the spec of generated types through their <c>EmrSpecMetadata</c> attribute, so the analyzers work
    /// in any project that references the types, with or without the spec file. One per compilation.
    /// </summary>
    internal sealed class SpecTypeCatalog
    {
        // Fragments are the same text in every compilation of a project: read each once per process.
        private static readonly ConcurrentDictionary<string, SpecModel?> Fragments = new ConcurrentDictionary<string, SpecModel?>();
        private static readonly ConcurrentDictionary<(string Fragment, string Name), ObjectDefinition?> Definitions = new ConcurrentDictionary<(string Fragment, string Name), ObjectDefinition?>();
        private readonly ConcurrentDictionary<ITypeSymbol, SpecObjectInfo?> _types = new ConcurrentDictionary<ITypeSymbol, SpecObjectInfo?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _hasRules = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        /// <summary>Whether an object of this type, or one nested in it, has rules to check.</summary>
        public bool HasRulesWithin(ITypeSymbol type) => HasRulesWithin(type, 0);

        private bool HasRulesWithin(ITypeSymbol type, int depth)
        {
            if (_hasRules.TryGetValue(type, out bool known))
            {
                return known;
            }

            // Deeply nested or recursive types are assumed to have rules.
            bool result = depth > 4 || (Get(type) is SpecObjectInfo info && (info.Model.Rules.Count > 0 || info.Model.Members.Any(m =>
                m.Kind == ValueKind.Object && !m.IsList && info.MemberFor(GeneratedNames.PropertyName(m, info.Model).TrimStart('@')) is SpecMember nested
                && HasRulesWithin(UnwrapNullable(nested.Property.Type), depth + 1))));
            _hasRules[type] = result;
            return result;
        }

        public static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        public SpecObjectInfo? Get(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
            {
                return null;
            }

            return _types.GetOrAdd(named, Create);
        }

        /// <summary>A fragment the engine cannot read (from a foreign or damaged assembly) leaves the type unchecked.</summary>
        private static ObjectDefinition? ReadDefinition(string fragment, string name)
        {
            try
            {
                return ObjectDefinition.Parse(fragment, name);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        /// <summary>Whether an attribute is the runtime's spec metadata attribute, by its full name (a same-named attribute elsewhere is not).</summary>
        internal static bool IsSpecMetadata(AttributeData attribute) =>
            attribute.AttributeClass is { Name: GeneratedNames.SpecMetadataAttribute } type
            && type.ContainingNamespace is { Name: "Runtime" } runtime && runtime.ToDisplayString() == GeneratedNames.RuntimeNamespace;

        /// <summary>The fragment of the runtime's metadata attribute in a version these analyzers read, or null.</summary>
        internal static string? FragmentOf(AttributeData attribute) =>
            IsSpecMetadata(attribute) && attribute.ConstructorArguments.Length == 2
            && attribute.ConstructorArguments[0].Value is string text && attribute.ConstructorArguments[1].Value is int version && version <= GeneratedNames.FragmentVersion
                ? text
                : null;

        /// <summary>Whether an assembly is built against the runtime, so that it can hold generated types.</summary>
        internal static bool ReferencesRuntime(IAssemblySymbol assembly)
        {
            foreach (IModuleSymbol module in assembly.Modules)
            {
                foreach (AssemblyIdentity reference in module.ReferencedAssemblies)
                {
                    if (reference.Name == GeneratedNames.RuntimeAssembly)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static SpecObjectInfo? Create(ITypeSymbol type)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (FragmentOf(attribute) is not string text)
                {
                    continue;
                }

                if (Fragments.Count > 4096)
                {
                    Fragments.Clear();
                    Definitions.Clear();
                }

                SpecModel? fragment = Fragments.GetOrAdd(text, json => SpecReader.Read(new[] { new SpecSource(type.Name, json) }).Model);
                ObjectModel? model = fragment?.FindObject(type.Name);
                ObjectDefinition? definition = model is null ? null : Definitions.GetOrAdd((text, type.Name), key => ReadDefinition(key.Fragment, key.Name));
                return definition is null ? null : new SpecObjectInfo((INamedTypeSymbol)type, fragment!, model!, definition);
            }

            return null;
        }
    }
}
