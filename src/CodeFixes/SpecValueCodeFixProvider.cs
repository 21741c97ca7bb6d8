using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Emr.Codegen.CodeFixes
{
    /// <summary>
    /// Fixes values with what the spec allows, as the analyzer's diagnostic properties carry it: the value a rule
    /// requires, each member of an enumeration, or a member a rule requires. Every value is written for the type of
    /// the property it goes to (read from the semantic model), so that what a fix puts in compiles.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpecValueCodeFixProvider))]
    [Shared]
    public sealed class SpecValueCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.NotInEnumeration.Id, Descriptors.OutsideOpenEnumeration.Id, Descriptors.RuleError.Id, Descriptors.RuleWarning.Id, Descriptors.RuleInfo.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            SemanticModel? model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(FixProperties.Kind, out string? kind)
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
                {
                    continue;
                }

                var values = new ValueSynthesizer(model, value.SpanStart);
                switch (kind)
                {
                    case FixProperties.SetValue:
                        RegisterSetValue(context, diagnostic, value, model, values);
                        break;
                    case FixProperties.ChooseEnumValue:
                        RegisterEnumValues(context, diagnostic, value, model, values);
                        break;
                    case FixProperties.AddMember:
                        RegisterAddMember(context, diagnostic, value, model, values);
                        break;
                }
            }
        }

        private static void RegisterSetValue(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value, SemanticModel model, ValueSynthesizer values)
        {
            string? member = Property(diagnostic, FixProperties.Member);
            string? text = Property(diagnostic, FixProperties.Value);
            if (member is null || text is null)
            {
                return;
            }

            bool isString = Property(diagnostic, FixProperties.ValueIsString) == "true";
            ITypeSymbol? type = AssignedType(value, model);

            // A value that is not one of the property's type is not offered: the fix would not compile.
            ExpressionSyntax? literal = type is null ? UntypedLiteral(text, isString) : values.Exact(type, text, isString);
            if (literal is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Set " + member + " to " + literal, token => SetValue(context.Document, value, literal, token), "EmrSet:" + member + "=" + literal),
                diagnostic);
        }

        private static void RegisterEnumValues(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value, SemanticModel model, ValueSynthesizer values)
        {
            string? enumType = Property(diagnostic, FixProperties.EnumType);
            string? names = Property(diagnostic, FixProperties.EnumValues);
            if (enumType is null || string.IsNullOrEmpty(names))
            {
                return;
            }

            // Only names the enumeration type really has: a name it lacks, or a type that cannot be seen, would not compile.
            ITypeSymbol? type = EnumerationType(value, enumType, model);
            if (type is null)
            {
                return;
            }

            var defined = new HashSet<string>(values.NamedValues(type));
            string shortType = enumType.Substring(enumType.LastIndexOf('.') + 1);
            foreach (string name in names!.Split(','))
            {
                if (!defined.Contains(name))
                {
                    continue;
                }

                ExpressionSyntax replacement = SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseTypeName(enumType).WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.IdentifierName(name));
                context.RegisterCodeFix(
                    CodeAction.Create("Use " + shortType + "." + name, token => Replace(context.Document, value, replacement, token), "EmrEnum:" + shortType + "." + name),
                    diagnostic);
            }
        }

        private static void RegisterAddMember(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value, SemanticModel model, ValueSynthesizer values)
        {
            // The property's name as the generator writes it ('@' before a keyword); looked up without the '@'.
            string? member = Property(diagnostic, FixProperties.Member)?.TrimStart('@');
            if (member is null || member.Length == 0)
            {
                return;
            }

            InsertionPoint? point = null;
            IPropertySymbol? property = null;
            foreach (InsertionPoint candidate in InsertionPoint.Candidates(value, model))
            {
                property = values.SettableProperty(candidate.OwnerType, member, initializer: candidate.IsInitializer);
                if (property != null)
                {
                    point = candidate;
                    break;
                }
            }

            // Where the member is set already, a second assignment in the same initializer would not compile.
            if (point is null || property is null || point.Assigns(member))
            {
                return;
            }

            // The spec's example (the diagnostic's value) where it is a value of the property's type; the rest from the
            // spec fragments of the owner and of the member's own type.
            TypeSpec? owner = TypeSpec.Of(point.OwnerType);
            MemberModel? memberModel = owner?.MemberFor(member);
            string? example = Property(diagnostic, FixProperties.Value) is { Length: > 0 } given ? given : memberModel?.Example;
            ExpressionSyntax newValue = values.ForMember(
                property.Type,
                example,
                memberModel,
                owner?.EnumOf(memberModel),
                owner?.NestedMembersRequiredByRules(memberModel?.Name ?? member) ?? Enumerable.Empty<string>());

            context.RegisterCodeFix(
                CodeAction.Create("Add " + member + " = " + Describe(newValue), token => point.AddAsync(context.Document, member, newValue, token), "EmrAdd:" + member),
                diagnostic);
        }

        /// <summary>A short form of a value for a fix's title: an object's type without its members.</summary>
        private static string Describe(ExpressionSyntax value) => value switch
        {
            ObjectCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } } creation => "new " + ShortName(creation.Type) + " { ... }",
            ObjectCreationExpressionSyntax creation => "new " + ShortName(creation.Type) + "()",
            ImplicitObjectCreationExpressionSyntax { Initializer: { Expressions.Count: > 0 } } => "new() { ... }",
            ImplicitObjectCreationExpressionSyntax => "new()",
            MemberAccessExpressionSyntax access => ShortName(access.Expression) + "." + access.Name,
            CollectionExpressionSyntax { Elements.Count: > 0 } => "[...]",
            _ => value.NormalizeWhitespace().ToString(),
        };

        private static string ShortName(SyntaxNode name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.ToString(),
            AliasQualifiedNameSyntax alias => alias.Name.ToString(),
            MemberAccessExpressionSyntax access => access.Name.ToString(),
            _ => name.ToString(),
        };

        private static string? Property(Diagnostic diagnostic, string key) => diagnostic.Properties.TryGetValue(key, out string? value) ? value : null;

        /// <summary>The type of the property or variable the value is assigned to, or the type it converts to where it stands.</summary>
        private static ITypeSymbol? AssignedType(ExpressionSyntax value, SemanticModel model)
        {
            if (value.Parent is AssignmentExpressionSyntax assignment && assignment.Right == value)
            {
                switch (model.GetSymbolInfo(assignment.Left).Symbol)
                {
                    case IPropertySymbol property:
                        return property.Type;
                    case IFieldSymbol field:
                        return field.Type;
                    case ILocalSymbol local:
                        return local.Type;
                }
            }

            return model.GetTypeInfo(value).ConvertedType is { TypeKind: not TypeKind.Error } converted ? converted : null;
        }

        private static ITypeSymbol? EnumerationType(ExpressionSyntax value, string enumType, SemanticModel model)
        {
            ITypeSymbol? converted = model.GetTypeInfo(value).ConvertedType;
            if (converted != null && ValueSynthesizer.Unwrap(converted).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == enumType)
            {
                return ValueSynthesizer.Unwrap(converted);
            }

            const string GlobalPrefix = "global::";
            return model.Compilation.GetTypeByMetadataName(enumType.StartsWith(GlobalPrefix, System.StringComparison.Ordinal) ? enumType.Substring(GlobalPrefix.Length) : enumType);
        }

        /// <summary>The literal as the properties give it, for a value whose type cannot be seen.</summary>
        private static ExpressionSyntax? UntypedLiteral(string text, bool isString)
        {
            if (isString)
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
            }

            ExpressionSyntax parsed = SyntaxFactory.ParseExpression(text);
            return parsed is LiteralExpressionSyntax || parsed is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax } ? parsed : null;
        }

        /// <summary>Puts the value in place of the old one; a compound assignment (<c>+=</c>, <c>??=</c>) becomes a plain one.</summary>
        private static async Task<Document> SetValue(Document document, ExpressionSyntax old, ExpressionSyntax replacement, CancellationToken token)
        {
            if (old.Parent is AssignmentExpressionSyntax assignment && assignment.Right == old && !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
                SyntaxToken equals = SyntaxFactory.Token(assignment.OperatorToken.LeadingTrivia, SyntaxKind.EqualsToken, assignment.OperatorToken.TrailingTrivia);
                AssignmentExpressionSyntax plain = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, assignment.Left, equals, replacement.WithTriviaFrom(old))
                    .WithTriviaFrom(assignment);
                return document.WithSyntaxRoot(root.ReplaceNode(assignment, plain));
            }

            return await Replace(document, old, replacement, token).ConfigureAwait(false);
        }

        private static async Task<Document> Replace(Document document, ExpressionSyntax old, ExpressionSyntax replacement, CancellationToken token)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old)));
        }
    }
}
