using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Emr.Codegen.Spec;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Emr.Codegen.CodeFixes
{
    /// <summary>
    /// Where a fix adds a member to the object a diagnostic is about: the object initializer that holds the value the
    /// rule is about, the initializer of the object creation itself, or a statement after <c>r.Member = value;</c>.
    /// </summary>
    internal sealed class InsertionPoint
    {
        private readonly InitializerExpressionSyntax? _initializer;
        private readonly BaseObjectCreationExpressionSyntax? _creation;
        private readonly ExpressionStatementSyntax? _statement;
        private readonly ExpressionSyntax? _receiver;

        private InsertionPoint(INamedTypeSymbol ownerType, InitializerExpressionSyntax? initializer, BaseObjectCreationExpressionSyntax? creation, ExpressionStatementSyntax? statement, ExpressionSyntax? receiver)
        {
            OwnerType = ownerType;
            _initializer = initializer;
            _creation = creation;
            _statement = statement;
            _receiver = receiver;
        }

        /// <summary>The type of the object that gets the member.</summary>
        public INamedTypeSymbol OwnerType { get; }

        /// <summary>Whether the member is set in an object initializer (where <c>init</c> accessors may be used).</summary>
        public bool IsInitializer => _statement is null;

        /// <summary>
        /// The places a member may go, nearest first: the object whose member holds <paramref name="value"/>, then,
        /// when the value is itself an object creation, that object.
        /// </summary>
        public static IEnumerable<InsertionPoint> Candidates(ExpressionSyntax value, SemanticModel model)
        {
            ExpressionSyntax anchor = value;
            while (anchor.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                anchor = (ExpressionSyntax)anchor.Parent;
            }

            if (anchor.Parent is AssignmentExpressionSyntax assignment && assignment.Right == anchor && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                // { ..., Member = value, ... }
                if (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression) && initializer.Parent is ExpressionSyntax owner
                    && model.GetTypeInfo(owner).Type is INamedTypeSymbol ownerType)
                {
                    yield return new InsertionPoint(ownerType, initializer, null, null, null);
                }

                // r.Member = value; in a block: the new member is set by the next statement, on the same receiver.
                if (assignment.Left is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                    && IsStable(access.Expression)
                    && assignment.Parent is ExpressionStatementSyntax statement
                    && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
                    && model.GetTypeInfo(access.Expression).Type is INamedTypeSymbol receiverType)
                {
                    yield return new InsertionPoint(receiverType, null, null, statement, access.Expression);
                }
            }

            // A rule about an object with none of its members located is reported on its creation.
            if (anchor is BaseObjectCreationExpressionSyntax creation && (creation.Initializer is null || creation.Initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
                && model.GetTypeInfo(creation).Type is INamedTypeSymbol created)
            {
                yield return new InsertionPoint(created, null, creation, null, null);
            }
        }

        /// <summary>Whether the initializer already sets the member (a second one would not compile).</summary>
        public bool Assigns(string member)
        {
            InitializerExpressionSyntax? initializer = _initializer ?? _creation?.Initializer;
            return initializer != null && initializer.Expressions.OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member);
        }

        public async Task<Document> AddAsync(Document document, string member, ExpressionSyntax value, CancellationToken token)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(token).ConfigureAwait(false))!;
            var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(CSharpNames.Identifier(member)), value);
            if (_initializer != null)
            {
                return document.WithSyntaxRoot(root.ReplaceNode(_initializer, Append(_initializer, assignment)));
            }

            if (_creation != null)
            {
                if (_creation.Initializer != null)
                {
                    return document.WithSyntaxRoot(root.ReplaceNode(_creation.Initializer, Append(_creation.Initializer, assignment)));
                }

                InitializerExpressionSyntax initializer = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment));
                return document.WithSyntaxRoot(root.ReplaceNode(_creation, _creation.WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation)));
            }

            var next = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, _receiver!.WithoutTrivia(), SyntaxFactory.IdentifierName(CSharpNames.Identifier(member))),
                    value))
                .WithLeadingTrivia(_statement!.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(_statement.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).DefaultIfEmpty(SyntaxFactory.ElasticCarriageReturnLineFeed))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (_statement.Parent is GlobalStatementSyntax global)
            {
                return document.WithSyntaxRoot(root.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(next) }));
            }

            return document.WithSyntaxRoot(root.InsertNodesAfter(_statement, new[] { next }));
        }

        /// <summary>
        /// The initializer with the assignment added last, laid out as the members before it (on a line of its own
        /// when they are); the rest of the initializer keeps its layout.
        /// </summary>
        private static InitializerExpressionSyntax Append(InitializerExpressionSyntax initializer, ExpressionSyntax assignment)
        {
            SeparatedSyntaxList<ExpressionSyntax> expressions = initializer.Expressions;
            if (expressions.Count == 0)
            {
                return initializer.AddExpressions(assignment).WithAdditionalAnnotations(Formatter.Annotation);
            }

            ExpressionSyntax last = expressions.Last();
            SyntaxToken before = last.GetFirstToken().GetPreviousToken();
            bool ownLine = before.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) || last.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            SyntaxTriviaList indentation = SyntaxFactory.TriviaList(last.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().Take(1));
            SyntaxTrivia endOfLine = initializer.DescendantTrivia(descendIntoTrivia: false).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine == default)
            {
                endOfLine = SyntaxFactory.ElasticCarriageReturnLineFeed;
            }

            SyntaxNodeOrTokenList items = expressions.GetWithSeparators();
            ExpressionSyntax added;
            if (expressions.SeparatorCount == expressions.Count)
            {
                // After a trailing comma, whose trivia already ends the line.
                SyntaxToken comma = expressions.GetSeparator(expressions.Count - 1);
                bool commaEndsLine = comma.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                added = commaEndsLine
                    ? assignment.WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine)
                    : assignment.WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space);
            }
            else
            {
                // A comma after the last member, whose trailing trivia moves to the new one.
                SyntaxTriviaList trailing = last.GetTrailingTrivia();
                items = items.Replace(last, last.WithTrailingTrivia()).Add(SyntaxFactory.Token(SyntaxKind.CommaToken));
                added = assignment
                    .WithLeadingTrivia(ownLine ? SyntaxFactory.TriviaList(endOfLine).AddRange(indentation) : SyntaxFactory.TriviaList(SyntaxFactory.Space))
                    .WithTrailingTrivia(trailing);
            }

            return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items.Add(added.WithAdditionalAnnotations(Formatter.Annotation))));
        }

        /// <summary>A receiver that names the same object when written again: a local, a parameter, <c>this</c>, or members of them.</summary>
        private static bool IsStable(ExpressionSyntax receiver) => receiver switch
        {
            IdentifierNameSyntax or ThisExpressionSyntax => true,
            MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access => IsStable(access.Expression),
            _ => false,
        };
    }
}
