using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Emr.Codegen.Runtime.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>
    /// What a method does to one spec object it is given (a parameter, or <c>this</c>): the members it sets on the paths
    /// that return normally, and what it had set wherever it let the object go (sent, stored, passed to code without
    /// source), where the caller judges it.
    /// </summary>
    internal sealed class ObjectEffect
    {
        public ObjectEffect(SmallMap<FlowValue> writes, IReadOnlyList<SmallMap<FlowValue>> letGo, bool alwaysLetsGo, bool lost)
        {
            Writes = writes;
            LetGo = letGo;
            AlwaysLetsGo = alwaysLetsGo;
            Lost = lost;
        }

        /// <summary>
        /// Members set after the call: on every normal return (values the paths agree on, unknown where they differ), or,
        /// when every path lets the object go, what those paths had set.
        /// </summary>
        public SmallMap<FlowValue> Writes { get; }

        /// <summary>The members set so far at each place the method lets the object go.</summary>
        public IReadOnlyList<SmallMap<FlowValue>> LetGo { get; }

        /// <summary>No path returns with the object still in the method's hands: it has been judged, not again afterwards.</summary>
        public bool AlwaysLetsGo { get; }

        /// <summary>The method does something with the object the summary cannot say (holds it in another object, replaces its variable): nothing is known of it afterwards.</summary>
        public bool Lost { get; }
    }

    /// <summary>
    /// What a call does to the spec objects it is given, computed once per method from its body and cached for the
    /// compilation. <see cref="Unknown"/> (a call into a cycle, or deeper than <see cref="MethodSummaries.MaxDepth"/>)
    /// makes what it is given unknown: never a verdict.
    /// </summary>
    internal sealed class MethodSummary
    {
        /// <summary>The key of <c>this</c> among the parameters.</summary>
        public const int ThisParameter = -1;

        public static readonly MethodSummary Unknown = new MethodSummary(null, null);

        public MethodSummary(IReadOnlyDictionary<int, ObjectEffect>? effects, int? returnsParameter)
        {
            Effects = effects;
            ReturnsParameter = returnsParameter;
        }

        /// <summary>By parameter ordinal (or <see cref="ThisParameter"/>); a parameter not listed is left as it was. Null for <see cref="Unknown"/>.</summary>
        public IReadOnlyDictionary<int, ObjectEffect>? Effects { get; }

        public bool IsUnknown => Effects is null;

        /// <summary>The parameter every return gives back (a fluent helper), so the caller keeps following the same object.</summary>
        public int? ReturnsParameter { get; }
    }

    /// <summary>
    /// Summaries of the methods with source in a compilation: ordinary and extension methods, constructors and
    /// property setters, followed over their control-flow graphs by the same flow that judges bodies. A method that
    /// can be overridden, has no body here, is generated, or is an iterator (its body runs later) has none: a call to
    /// it lets what it is given go, as any call to code without source does.
    /// </summary>
    internal sealed class MethodSummaries
    {
        /// <summary>How many summaries may be computed inside one another before a call gives <see cref="MethodSummary.Unknown"/>.</summary>
        public const int MaxDepth = 6;

        private static readonly ConditionalWeakTable<Compilation, MethodSummaries> ByCompilation = new ConditionalWeakTable<Compilation, MethodSummaries>();

        /// <summary>The methods being summarized on this thread, innermost last, and whether each turned out to be part of a cycle.</summary>
        [ThreadStatic]
        private static List<(IMethodSymbol Method, bool InCycle)>? inProgress;

        private readonly Compilation _compilation;
        private readonly SpecTypeCatalog _catalog;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> _summaries = new ConcurrentDictionary<IMethodSymbol, MethodSummary?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, bool> _generatedTrees = new ConcurrentDictionary<SyntaxTree, bool>();

        private MethodSummaries(Compilation compilation, SpecTypeCatalog catalog)
        {
            _compilation = compilation;
            _catalog = catalog;
        }

        public static MethodSummaries For(Compilation compilation, SpecTypeCatalog catalog) => ByCompilation.GetValue(compilation, c => new MethodSummaries(c, catalog));

        /// <summary>The summary of a method, or null when it has no source to follow.</summary>
        public MethodSummary? Get(IMethodSymbol method, CancellationToken cancellationToken)
        {
            IMethodSymbol definition = (method.ReducedFrom ?? method).OriginalDefinition;
            definition = definition.PartialImplementationPart ?? definition;
            if (_summaries.TryGetValue(definition, out MethodSummary? known))
            {
                return known;
            }

            if (Body(definition, cancellationToken) is not { } body)
            {
                _summaries.TryAdd(definition, null);
                return null;
            }

            return Summarize(definition, () => body switch
            {
                IMethodBodyOperation methodBody => ControlFlowGraph.Create(methodBody, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                _ => null,
            }, cancellationToken, cache: true);
        }

        /// <summary>
        /// Summarizes one method from its graph (local functions come here with the graph of their enclosing body; they
        /// are cached there). A method already being summarized on this thread is a cycle: every method of the cycle is unknown.
        /// </summary>
        public MethodSummary Summarize(IMethodSymbol method, Func<ControlFlowGraph?> graph, CancellationToken cancellationToken, bool cache)
        {
            List<(IMethodSymbol Method, bool InCycle)> stack = inProgress ??= new List<(IMethodSymbol, bool)>();
            int index = stack.FindIndex(entry => SymbolEqualityComparer.Default.Equals(entry.Method, method));
            if (index >= 0)
            {
                for (int i = index; i < stack.Count; i++)
                {
                    stack[i] = (stack[i].Method, true);
                }

                return MethodSummary.Unknown;
            }

            if (stack.Count >= MaxDepth)
            {
                return MethodSummary.Unknown;
            }

            stack.Add((method, false));
            MethodSummary summary;
            try
            {
                ControlFlowGraph? built = graph();
                summary = built is null ? MethodSummary.Unknown : OperationFlow.Summarize(built, method, _catalog, this, cancellationToken);
            }
            finally
            {
                bool inCycle = stack[stack.Count - 1].InCycle;
                stack.RemoveAt(stack.Count - 1);
                if (inCycle)
                {
                    summary = MethodSummary.Unknown;
                }
            }

            if (cache)
            {
                _summaries.TryAdd(method, summary);
            }

            return summary;
        }

        /// <summary>The bound body of a method whose effects can be known from source, or null.</summary>
        private IOperation? Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern || method.ContainingType is null || method.ContainingType.TypeKind == TypeKind.Interface
                || ((method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed)
                || method.MethodKind is not (MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertySet)
                || method.DeclaringSyntaxReferences.Length != 1
                || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly))
            {
                return null;
            }

            SyntaxNode declaration = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree) || IsGenerated(declaration.SyntaxTree, cancellationToken))
            {
                return null;
            }

            SyntaxNode? bodySyntax = declaration switch
            {
                BaseMethodDeclarationSyntax declared => (SyntaxNode?)declared.Body ?? declared.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                _ => null,
            };
            if (bodySyntax is null || bodySyntax.DescendantNodes(n => n is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax)).Any(n => n is YieldStatementSyntax))
            {
                // No body, or an iterator: its body runs when it is enumerated, not at the call.
                return null;
            }

#pragma warning disable RS1030 // The callee lives in another tree; its model is needed to follow its body, once per method.
            SemanticModel model = _compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
            IOperation? operation = model.GetOperation(declaration, cancellationToken);
            return operation is IMethodBodyOperation or IConstructorBodyOperation ? operation : null;
        }

        /// <summary>Generated code (the spec's own types and client): its methods are the library's, judged as code without source.</summary>
        private bool IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) =>
            _generatedTrees.GetOrAdd(tree, t => t.GetRoot(cancellationToken).GetLeadingTrivia().Any(trivia =>
                (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)) && trivia.ToString().IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0));
    }
}
