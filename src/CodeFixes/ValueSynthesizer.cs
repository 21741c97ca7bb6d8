using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Json;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Emr.Codegen.CodeFixes
{
    /// <summary>
    /// Writes C# values of a given type for the fixes, so that what a fix puts in compiles: the spec's value where
    /// it is a value of the type, a defined member for an enumeration, <c>new T { ... }</c> with T's required members
    /// for an object, a collection for a list, and a placeholder of the type where the spec gives nothing usable.
    /// </summary>
    internal sealed class ValueSynthesizer
    {
        // Deeper than this, and for a type that contains itself, an object member gets null! instead of a new object.
        private const int MaxDepth = 8;

        private readonly SemanticModel _model;
        private readonly int _position;
        private readonly bool _collectionExpressions;

        public ValueSynthesizer(SemanticModel model, int position)
        {
            _model = model;
            _position = position;
            _collectionExpressions = model.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp12 };
        }

        /// <summary>
        /// The spec value <paramref name="text"/> as an expression of <paramref name="type"/>, or null when it is
        /// not a value of that type (a number that does not fit, text where a number belongs).
        /// </summary>
        public ExpressionSyntax? Exact(ITypeSymbol type, string text, bool isString)
        {
            type = Unwrap(type);
            if (EnumerationRawType(type) is ITypeSymbol raw)
            {
                // The generated enumerations convert from their raw value, as the docs write it.
                return Exact(raw, text, isString);
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return StringLiteral(text);
                case SpecialType.System_Boolean:
                    return !isString && (text == "true" || text == "false") ? SyntaxFactory.ParseExpression(text) : null;
                default:
                    return Number(type, text);
            }
        }

        /// <summary>
        /// A value of <paramref name="type"/> for a member a fix adds: its <paramref name="example"/> where that is a
        /// value of the type, otherwise a placeholder of the type. <paramref name="nestedMembers"/> names members of
        /// an object value that a rule of the member's owner requires.
        /// </summary>
        public ExpressionSyntax ForMember(ITypeSymbol type, string? example, MemberModel? member, EnumModel? enumModel, IEnumerable<string> nestedMembers) =>
            ForMember(type, example, member, enumModel, nestedMembers, ImmutableHashSet.Create<ITypeSymbol>(SymbolEqualityComparer.Default));

        private ExpressionSyntax ForMember(ITypeSymbol declared, string? example, MemberModel? member, EnumModel? enumModel, IEnumerable<string> nestedMembers, ImmutableHashSet<ITypeSymbol> building)
        {
            if (member?.IsSensitive == true)
            {
                // A secret is the user's to write: the spec's sample password is not put into code.
                example = null;
            }

            ITypeSymbol type = Unwrap(declared);
            if (EnumerationRawType(type) is ITypeSymbol raw)
            {
                return EnumerationMember(type, example, enumModel)
                    ?? (example != null ? Exact(raw, example, raw.SpecialType == SpecialType.System_String) : null)
                    ?? Default();
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                    return StringLiteral(example ?? string.Empty);
                case SpecialType.System_Boolean:
                    return SyntaxFactory.LiteralExpression(ParseBoolean(example) == true ? SyntaxKind.TrueLiteralExpression : SyntaxKind.FalseLiteralExpression);
            }

            if (IsNumber(type))
            {
                return (example != null ? Number(type, example) : null)
                    ?? (member?.Constraints?.Minimum is decimal minimum ? Number(type, minimum.ToString(CultureInfo.InvariantCulture)) : null)
                    ?? SyntaxFactory.ParseExpression("0");
            }

            if (ElementType(type) is ITypeSymbol element)
            {
                return Collection(type, element, example, enumModel);
            }

            if (type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } named && HasAccessibleParameterlessConstructor(named))
            {
                return building.Contains(named) || building.Count >= MaxDepth ? NullForgiven() : NewObject(named, nestedMembers, building.Add(named));
            }

            return type.IsReferenceType ? NullForgiven() : Default();
        }

        /// <summary><c>new T { ... }</c> with T's required members, and the members its own and its owner's rules require.</summary>
        private ExpressionSyntax NewObject(INamedTypeSymbol type, IEnumerable<string> ruleMembers, ImmutableHashSet<ITypeSymbol> building)
        {
            TypeSpec? spec = TypeSpec.Of(type);
            var names = new List<string>();
            for (INamedTypeSymbol? current = type; current != null; current = current.BaseType)
            {
                names.InsertRange(0, current.GetMembers().Where(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }).Select(m => m.Name).Where(n => !names.Contains(n)).ToList());
            }

            // Rules name spec members; the object is written with their C# properties.
            IEnumerable<string> alsoRequired = ruleMembers.Concat(spec?.MembersRequiredByUnconditionalRules() ?? Enumerable.Empty<string>())
                .Select(m => spec?.Model.FindMember(m) is MemberModel model ? GeneratedNames.PropertyName(model, spec.Model).TrimStart('@') : m);
            foreach (string name in alsoRequired)
            {
                if (!names.Contains(name) && SettableProperty(type, name) != null)
                {
                    names.Add(name);
                }
            }

            var assignments = new List<ExpressionSyntax>();
            foreach (string name in names)
            {
                ISymbol? symbol = FindMember(type, name);
                ITypeSymbol? memberType = symbol switch
                {
                    IPropertySymbol property => property.Type,
                    IFieldSymbol field => field.Type,
                    _ => null,
                };
                if (memberType is null)
                {
                    continue;
                }

                MemberModel? memberModel = spec?.MemberFor(name);
                ExpressionSyntax value = ForMember(
                    memberType,
                    memberModel?.Example,
                    memberModel,
                    spec?.EnumOf(memberModel),
                    spec?.NestedMembersRequiredByRules(memberModel?.Name ?? name) ?? Enumerable.Empty<string>(),
                    building);
                assignments.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(CSharpNames.Identifier(symbol!.Name)), value));
            }

            ObjectCreationExpressionSyntax creation = SyntaxFactory.ObjectCreationExpression(TypeSyntax(type));
            return assignments.Count == 0
                ? creation.WithArgumentList(SyntaxFactory.ArgumentList())
                : creation.WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(assignments)));
        }

        /// <summary>A list: the items of the example that are values of the item type (none for objects).</summary>
        private ExpressionSyntax Collection(ITypeSymbol type, ITypeSymbol element, string? example, EnumModel? enumModel)
        {
            var items = new List<ExpressionSyntax>();
            ITypeSymbol item = Unwrap(element);
            bool scalarItems = EnumerationRawType(item) != null || item.SpecialType == SpecialType.System_String || item.SpecialType == SpecialType.System_Boolean || IsNumber(item);
            if (scalarItems && example != null)
            {
                foreach ((string text, bool isString) in ExampleItems(example))
                {
                    ExpressionSyntax? value = EnumerationRawType(item) != null ? EnumerationMember(item, text, enumModel, exactOnly: true) : Exact(item, text, isString);
                    if (value != null)
                    {
                        items.Add(value);
                    }
                }
            }

            if (_collectionExpressions)
            {
                return SyntaxFactory.CollectionExpression(SyntaxFactory.SeparatedList<CollectionElementSyntax>(items.Select(SyntaxFactory.ExpressionElement)));
            }

            InitializerExpressionSyntax? initializer = items.Count == 0 ? null : SyntaxFactory.InitializerExpression(SyntaxKind.CollectionInitializerExpression, SyntaxFactory.SeparatedList(items));
            if (type is IArrayTypeSymbol)
            {
                return SyntaxFactory.ArrayCreationExpression((ArrayTypeSyntax)TypeSyntax(type), initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression));
            }

            if (type is INamedTypeSymbol named && named.TypeKind == TypeKind.Class && HasAccessibleParameterlessConstructor(named))
            {
                return SyntaxFactory.ImplicitObjectCreationExpression(SyntaxFactory.ArgumentList(), initializer);
            }

            // An interface such as IReadOnlyList<T>: a List<T> is one.
            INamedTypeSymbol? list = _model.Compilation.GetTypeByMetadataName("System.Collections.Generic.List`1")?.Construct(element);
            if (list != null && _model.Compilation.ClassifyConversion(list, type).IsImplicit)
            {
                return SyntaxFactory.ObjectCreationExpression(TypeSyntax(list), SyntaxFactory.ArgumentList(), initializer);
            }

            return NullForgiven();
        }

        /// <summary>The items of a list's example: a JSON array's items, or the example itself as one item.</summary>
        private static IEnumerable<(string Text, bool IsString)> ExampleItems(string example)
        {
            JsonNode? parsed = null;
            if (example.TrimStart().StartsWith("[", StringComparison.Ordinal))
            {
                try
                {
                    parsed = JsonReader.Parse(example);
                }
                catch (JsonParseException)
                {
                    parsed = null;
                }
            }

            if (parsed is { Kind: JsonKind.Array, Items: { } array })
            {
                return array.Where(i => i.Kind is JsonKind.String or JsonKind.Number or JsonKind.Boolean).Select(i => (i.Text!, i.Kind == JsonKind.String)).ToList();
            }

            return new[] { (example, true) };
        }

        /// <summary>
        /// A named member of a generated enumeration: the one whose value is <paramref name="example"/>, otherwise
        /// (unless <paramref name="exactOnly"/>) the first the spec defines; null when the type names none.
        /// </summary>
        private ExpressionSyntax? EnumerationMember(ITypeSymbol type, string? example, EnumModel? enumModel, bool exactOnly = false)
        {
            var names = new HashSet<string>(NamedValues(type));
            string? name = null;
            if (enumModel != null && example != null)
            {
                name = enumModel.Values.FirstOrDefault(v => SameValue(v.Value, example) && names.Contains(v.Name))?.Name;
            }

            if (name is null && example != null && names.Contains(example))
            {
                name = example;
            }

            if (name is null && !exactOnly)
            {
                name = enumModel?.Values.Select(v => v.Name).FirstOrDefault(names.Contains) ?? NamedValues(type).FirstOrDefault();
            }

            return name is null ? null : SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeSyntax(type), SyntaxFactory.IdentifierName(name));
        }

        private static bool SameValue(SpecValue value, string example)
        {
            if (value.Kind != SpecValueKind.Number)
            {
                return value.Text == example.Trim();
            }

            return decimal.TryParse(example.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && number == value.ToNumber();
        }

        /// <summary>The names of the static members of an enumeration type that are values of it, as declared.</summary>
        public IEnumerable<string> NamedValues(ITypeSymbol type) =>
            type.GetMembers()
                .Where(m => m.IsStatic && _model.IsAccessible(_position, m) && (m is IPropertySymbol { IsIndexer: false } p && SymbolEqualityComparer.Default.Equals(p.Type, type) || m is IFieldSymbol f && SymbolEqualityComparer.Default.Equals(f.Type, type)))
                .Select(m => m.Name);

        /// <summary>
        /// The raw type of a generated enumeration (a struct that converts implicitly from a string or an integer),
        /// or null for any other type.
        /// </summary>
        public static ITypeSymbol? EnumerationRawType(ITypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Struct || type.SpecialType != SpecialType.None || type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
            {
                return null;
            }

            return type.GetMembers(WellKnownMemberNames.ImplicitConversionName)
                .OfType<IMethodSymbol>()
                .Where(m => m.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(m.ReturnType, type))
                .Select(m => m.Parameters[0].Type)
                .FirstOrDefault(t => t.SpecialType == SpecialType.System_String || IsInteger(t));
        }

        private ExpressionSyntax? Number(ITypeSymbol type, string text)
        {
            text = text.Trim();
            switch (type.SpecialType)
            {
                case SpecialType.System_Double:
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsNaN(d) && !double.IsInfinity(d)
                        ? SyntaxFactory.ParseExpression(d.ToString("R", CultureInfo.InvariantCulture))
                        : null;
                case SpecialType.System_Single:
                    return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float f) && !float.IsNaN(f) && !float.IsInfinity(f)
                        ? SyntaxFactory.ParseExpression(f.ToString("R", CultureInfo.InvariantCulture) + "F")
                        : null;
                case SpecialType.System_Decimal:
                    return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m)
                        ? SyntaxFactory.ParseExpression(m.ToString(CultureInfo.InvariantCulture) + "M")
                        : null;
            }

            if (!IsInteger(type) || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) || decimal.Truncate(value) != value)
            {
                return null;
            }

            (decimal min, decimal max) = IntegerRange(type);
            if (value < min || value > max)
            {
                return null;
            }

            string literal = value < 0 ? ((long)value).ToString(CultureInfo.InvariantCulture) : ((ulong)value).ToString(CultureInfo.InvariantCulture);
            return SyntaxFactory.ParseExpression(literal);
        }

        private static (decimal Min, decimal Max) IntegerRange(ITypeSymbol type) => type.SpecialType switch
        {
            SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
            SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
            SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
            SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
            SpecialType.System_Int32 => (int.MinValue, int.MaxValue),
            SpecialType.System_UInt32 => (uint.MinValue, uint.MaxValue),
            SpecialType.System_Int64 => (long.MinValue, long.MaxValue),
            _ => (ulong.MinValue, ulong.MaxValue),
        };

        private static bool? ParseBoolean(string? text) => text?.Trim().ToLowerInvariant() switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => null,
        };

        private static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
            or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64;

        private static bool IsNumber(ITypeSymbol type) => IsInteger(type) || type.SpecialType is SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal;

        /// <summary>The item type of an array or of a class that a collection initializer fills; null for other types and for strings.</summary>
        private static ITypeSymbol? ElementType(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                return array.ElementType;
            }

            if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
            {
                return null;
            }

            return named.AllInterfaces.Add(named)
                .FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                ?.TypeArguments[0];
        }

        private bool HasAccessibleParameterlessConstructor(INamedTypeSymbol type) =>
            type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && _model.IsAccessible(_position, c));

        /// <summary>A property of the type (or a base type) that code at the fix's position can set.</summary>
        public IPropertySymbol? SettableProperty(ITypeSymbol type, string name, bool initializer = true) =>
            FindMember(type, name) is IPropertySymbol { SetMethod: { } setter, IsStatic: false } property && _model.IsAccessible(_position, setter) && (initializer || !setter.IsInitOnly)
                ? property
                : null;

        private static ISymbol? FindMember(ITypeSymbol type, string name)
        {
            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                if (current.GetMembers(name).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol) is ISymbol member)
                {
                    return member;
                }
            }

            return null;
        }

        public static ITypeSymbol Unwrap(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static TypeSyntax TypeSyntax(ITypeSymbol type) =>
            SyntaxFactory.ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithAdditionalAnnotations(Simplifier.Annotation);

        private static ExpressionSyntax StringLiteral(string text) => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

        private static ExpressionSyntax NullForgiven() =>
            SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));

        private static ExpressionSyntax Default() => SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression);
    }
}
