using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Emr.Codegen.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Emr.Codegen.Analyzers
{
    /// <summary>
    /// Checks values given to generated API types against the spec they carry: single values where they are
    /// given, cross-member rules on whole requests as each body builds them. Only bodies that mention a spec type
    /// or member are looked at; plain ones are followed over syntax, the rest are bound and followed over their
    /// control-flow graph.
    /// </summary>
    [DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
    public sealed class RequestAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.NotInEnumeration,
            Descriptors.OutsideOpenEnumeration,
            Descriptors.Length,
            Descriptors.Pattern,
            Descriptors.Range,
            Descriptors.ItemCount,
            Descriptors.NotAllowed,
            Descriptors.RuleError,
            Descriptors.RuleWarning,
            Descriptors.RuleInfo);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var catalog = new SpecTypeCatalog();
                start.RegisterSemanticModelAction(c => AnalyzeTree(c.SemanticModel, catalog, c.ReportDiagnostic, c.CancellationToken));
            });
        }

        /// <summary>The analyzer's whole work on one file (the benchmarks call it directly to measure it).</summary>
        internal static void AnalyzeTree(SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> reportDiagnostic, System.Threading.CancellationToken cancellationToken)
        {
            HashSet<string> names = SpecNames.For(model.Compilation, catalog);
            if (names.Count == 0)
            {
                return;
            }

            var values = new SyntaxValues(model, catalog);
            Action<Diagnostic> report = Deduplicating(reportDiagnostic);
            SyntaxNode root = model.SyntaxTree.GetRoot(cancellationToken);
            if (root is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any() && BodySelector.MentionsSpec(unit, names))
            {
                AnalyzeBound(unit, model, catalog, report, cancellationToken);
            }

            foreach ((SyntaxNode body, SyntaxNode bindable) in Bodies(root))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!BodySelector.MentionsSpec(body, names))
                {
                    continue;
                }

                if (BodySelector.IsPlain(body, values))
                {
                    // Reports wait until the walk is done: a body with too many paths goes to the bound flow instead.
                    var found = new List<Diagnostic>();
                    if (FlowWalker.Analyze(body, values, model, found.Add))
                    {
                        found.ForEach(report);
                        continue;
                    }
                }

                AnalyzeBound(bindable, model, catalog, report, cancellationToken);
            }
        }

        /// <summary>Binds a body and follows its control-flow graph.</summary>
        private static void AnalyzeBound(SyntaxNode bindable, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
        {
            IOperation? operation = model.GetOperation(bindable, cancellationToken);
            while (operation?.Parent != null)
            {
                operation = operation.Parent;
            }

            if (operation != null)
            {
                OperationFlow.Analyze(operation, model, catalog, report, cancellationToken);
            }
        }

        /// <summary>Every body of code outside other bodies (members, accessors, initializers), with the node to bind for it.</summary>
        private static IEnumerable<(SyntaxNode Body, SyntaxNode Bindable)> Bodies(SyntaxNode root)
        {
            foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax or BaseFieldDeclarationSyntax or VariableDeclarationSyntax))
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method when ((SyntaxNode?)method.Body ?? method.ExpressionBody) is { } methodBody:
                        yield return (methodBody, method);
                        break;
                    case AccessorDeclarationSyntax accessor when ((SyntaxNode?)accessor.Body ?? accessor.ExpressionBody) is { } accessorBody:
                        yield return (accessorBody, accessor);
                        break;
                    case PropertyDeclarationSyntax { ExpressionBody: { } propertyBody }:
                        yield return (propertyBody, propertyBody);
                        break;
                    case PropertyDeclarationSyntax { Initializer: { } propertyInitializer }:
                        yield return (propertyInitializer.Value, propertyInitializer);
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } fieldInitializer }:
                        yield return (fieldInitializer.Value, fieldInitializer);
                        break;
                }
            }
        }

        /// <summary>A request judged at several exits on the same values is reported once.</summary>
        private static Action<Diagnostic> Deduplicating(Action<Diagnostic> report)
        {
            var seen = new HashSet<(string, Location, string)>();
            return diagnostic =>
            {
                if (seen.Add((diagnostic.Id, diagnostic.Location, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    report(diagnostic);
                }
            };
        }
    }
}
