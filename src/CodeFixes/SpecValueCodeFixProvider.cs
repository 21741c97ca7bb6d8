using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Analyzers;
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
    /// requires, each member of an enumeration, or a member a rule requires (with the spec's example value).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SpecValueCodeFixProvider))]
    [Shared]
    public sealed class SpecValueCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.NotInEnumeration.Id, Descriptors.RuleError.Id, Descriptors.RuleWarning.Id, Descriptors.RuleInfo.Id);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
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

                switch (kind)
                {
                    case FixProperties.SetValue:
                        RegisterSetValue(context, diagnostic, value);
                        break;
                    case FixProperties.ChooseEnumValue:
                        RegisterEnumValues(context, diagnostic, value);
                        break;
                    case FixProperties.AddMember:
                        RegisterAddMember(context, diagnostic, value);
                        break;
                }
            }
        }

        private static void RegisterSetValue(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value)
        {
            string member = diagnostic.Properties[FixProperties.Member]!;
            ExpressionSyntax literal = Literal(diagnostic.Properties[FixProperties.Value]!, diagnostic.Properties[FixProperties.ValueIsString] == "true");
            string title = "Set " + member + " to " + literal;
            context.RegisterCodeFix(
                CodeAction.Create(title, token => Replace(context.Document, value, literal, token), "EmrSet:" + member + "=" + literal),
                diagnostic);
        }

        private static void RegisterEnumValues(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value)
        {
            string enumType = diagnostic.Properties[FixProperties.EnumType]!;
            foreach (string name in diagnostic.Properties[FixProperties.EnumValues]!.Split(','))
            {
                ExpressionSyntax replacement = SyntaxFactory.ParseExpression(enumType + "." + name).WithAdditionalAnnotations(Simplifier.Annotation);
                string shortType = enumType.Substring(enumType.LastIndexOf('.') + 1);
                context.RegisterCodeFix(
                    CodeAction.Create("Use " + shortType + "." + name, token => Replace(context.Document, value, replacement, token), "EmrEnum:" + shortType + "." + name),
                    diagnostic);
            }
        }

        private static void RegisterAddMember(CodeFixContext context, Diagnostic diagnostic, ExpressionSyntax value)
        {
            // The member goes into the object initializer that holds the value the rule is about.
            if (value.Parent is not AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } || !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
            {
                return;
            }

            string member = diagnostic.Properties[FixProperties.Member]!;
            if (initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member))
            {
                return;
            }

            ExpressionSyntax literal = Literal(diagnostic.Properties[FixProperties.Value]!, diagnostic.Properties[FixProperties.ValueIsString] == "true");
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add " + member + " = " + literal,
                    async token =>
                    {
                        SyntaxNode root = (await context.Document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
                        var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), literal);
                        InitializerExpressionSyntax updated = initializer.AddExpressions(assignment).WithAdditionalAnnotations(Formatter.Annotation);
                        return context.Document.WithSyntaxRoot(root.ReplaceNode(initializer, updated));
                    },
                    "EmrAdd:" + member),
                diagnostic);
        }

        private static ExpressionSyntax Literal(string text, bool isString)
        {
            if (isString)
            {
                return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
            }

            ExpressionSyntax parsed = SyntaxFactory.ParseExpression(text);
            return parsed is LiteralExpressionSyntax || parsed is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax }
                ? parsed
                : SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
        }

        private static async Task<Document> Replace(Document document, ExpressionSyntax old, ExpressionSyntax replacement, CancellationToken token)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
            return document.WithSyntaxRoot(root.ReplaceNode(old, replacement.WithTriviaFrom(old)));
        }
    }
}
