using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>
    /// What a piece of code the flow does not walk in line (a lambda, a local function, a finally block) may do to
    /// the variables it shares with the body: set members through them, give them another value, or let the objects
    /// they hold go. The flow applies it where that code may run.
    /// </summary>
    internal sealed class CaptureEffects
    {
        public List<KeyValuePair<object, IReadOnlyList<IPropertySymbol>>> MemberWrites { get; } = new List<KeyValuePair<object, IReadOnlyList<IPropertySymbol>>>();

        public List<object> Reassigned { get; } = new List<object>();

        public List<object> LetGo { get; } = new List<object>();

        public bool IsEmpty => MemberWrites.Count == 0 && Reassigned.Count == 0 && LetGo.Count == 0;

        /// <summary>Every variable the code touches in a way that is not a plain read.</summary>
        public IEnumerable<object> Touched()
        {
            foreach (KeyValuePair<object, IReadOnlyList<IPropertySymbol>> write in MemberWrites)
            {
                yield return write.Key;
            }

            foreach (object root in Reassigned)
            {
                yield return root;
            }

            foreach (object root in LetGo)
            {
                yield return root;
            }
        }

        /// <summary>
        /// The effects of a graph on variables declared outside <paramref name="function"/> (all of them when it is null),
        /// local functions it calls or refers to and lambdas inside it included.
        /// </summary>
        public static CaptureEffects Of(ControlFlowGraph graph, SyntaxNode? function, IEnumerable<BasicBlock> blocks, HashSet<IMethodSymbol> visiting)
        {
            var effects = new CaptureEffects();
            Collect(graph, function, blocks, visiting, effects);
            return effects;
        }

        private static void Collect(ControlFlowGraph graph, SyntaxNode? function, IEnumerable<BasicBlock> blocks, HashSet<IMethodSymbol> visiting, CaptureEffects effects)
        {
            var captures = new Dictionary<CaptureId, IOperation>();
            var ambiguous = new HashSet<CaptureId>();
            var operations = new List<IOperation>();
            foreach (BasicBlock block in blocks)
            {
                operations.AddRange(block.Operations);
                if (block.BranchValue != null)
                {
                    operations.Add(block.BranchValue);
                }
            }

            foreach (IOperation operation in operations)
            {
                foreach (IOperation node in operation.DescendantsAndSelf())
                {
                    if (node is IFlowCaptureOperation capture)
                    {
                        if (captures.ContainsKey(capture.Id))
                        {
                            ambiguous.Add(capture.Id);
                        }

                        captures[capture.Id] = capture.Value;
                    }
                }
            }

            foreach (IOperation operation in operations)
            {
                foreach (IOperation node in operation.DescendantsAndSelf())
                {
                    switch (node)
                    {
                        case IFlowAnonymousFunctionOperation lambda:
                            ControlFlowGraph lambdaGraph = graph.GetAnonymousFunctionControlFlowGraph(lambda);
                            Collect(lambdaGraph, function, lambdaGraph.Blocks, visiting, effects);
                            continue;
                        case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call:
                            AddLocalFunction(graph, call.TargetMethod, function, visiting, effects);
                            break;
                        case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } reference:
                            AddLocalFunction(graph, reference.Method, function, visiting, effects);
                            continue;
                    }

                    object? root = RootOf(node, function, captures, ambiguous);
                    if (root != null)
                    {
                        Classify(node, root, effects);
                    }
                }
            }
        }

        private static void AddLocalFunction(ControlFlowGraph graph, IMethodSymbol localFunction, SyntaxNode? function, HashSet<IMethodSymbol> visiting, CaptureEffects effects)
        {
            if (!visiting.Add(localFunction.OriginalDefinition))
            {
                return;
            }

            ControlFlowGraph? target = FindLocalFunctionGraph(graph, localFunction.OriginalDefinition);
            if (target != null)
            {
                Collect(target, function, target.Blocks, visiting, effects);
            }
        }

        /// <summary>The graph of a local function declared in this graph or in one that encloses it.</summary>
        public static ControlFlowGraph? FindLocalFunctionGraph(ControlFlowGraph graph, IMethodSymbol localFunction)
        {
            for (ControlFlowGraph? current = graph; current != null; current = current.Parent)
            {
                foreach (IMethodSymbol declared in current.LocalFunctions)
                {
                    if (SymbolEqualityComparer.Default.Equals(declared, localFunction))
                    {
                        return current.GetLocalFunctionControlFlowGraph(declared);
                    }
                }
            }

            return null;
        }

        /// <summary>The local, parameter or field a reference reads, when it is declared outside the function.</summary>
        private static object? RootOf(IOperation node, SyntaxNode? function, Dictionary<CaptureId, IOperation> captures, HashSet<CaptureId> ambiguous)
        {
            ISymbol? symbol = node switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IFlowCaptureReferenceOperation capture when !ambiguous.Contains(capture.Id) && captures.TryGetValue(capture.Id, out IOperation? value) => value switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                    _ => null,
                },
                _ => null,
            };

            if (symbol is null || symbol is IFieldSymbol || function is null)
            {
                return symbol;
            }

            foreach (SyntaxReference declaration in symbol.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree == function.SyntaxTree && function.Span.Contains(declaration.Span))
                {
                    return null;
                }
            }

            return symbol;
        }

        private static void Classify(IOperation reference, object root, CaptureEffects effects)
        {
            var path = new List<IPropertySymbol>();
            IOperation current = reference;
            while (current.Parent is IPropertyReferenceOperation property && property.Instance == current)
            {
                path.Add(property.Property);
                current = property;
            }

            IOperation? parent = current.Parent;
            if (path.Count > 0)
            {
                if (IsWriteTarget(current, parent))
                {
                    effects.MemberWrites.Add(new KeyValuePair<object, IReadOnlyList<IPropertySymbol>>(root, path));
                }

                return;
            }

            if (IsWriteTarget(current, parent))
            {
                effects.Reassigned.Add(root);
                return;
            }

            while (parent is IConversionOperation { OperatorMethod: null } conversion)
            {
                current = conversion;
                parent = conversion.Parent;
            }

            if (parent is IFlowCaptureOperation || IsPlainRead(current, parent))
            {
                return;
            }

            effects.LetGo.Add(root);
        }

        private static bool IsWriteTarget(IOperation target, IOperation? parent)
        {
            switch (parent)
            {
                case IAssignmentOperation assignment when assignment.Target == target:
                case IIncrementOrDecrementOperation increment when increment.Target == target:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                    return true;
                case ITupleOperation tuple:
                    IOperation top = tuple;
                    while (top.Parent is ITupleOperation outer)
                    {
                        top = outer;
                    }

                    return top.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == top;
                default:
                    return false;
            }
        }

        /// <summary>Uses that read a request without letting it go: null checks, patterns, <c>nameof</c>, pure checks.</summary>
        public static bool IsPlainRead(IOperation use, IOperation? parent) => parent switch
        {
            IIsNullOperation or IIsPatternOperation or IIsTypeOperation or INameOfOperation => true,
            IBinaryOperation { OperatorMethod: null } => true,
            IArgumentOperation { Parent: IInvocationOperation call } => IsPureCheck(call.TargetMethod),
            IInvocationOperation call when call.Instance == use => IsObjectMember(call.TargetMethod),
            _ => false,
        };

        /// <summary>Methods that look at a value and return or throw, without keeping or changing it.</summary>
        public static bool IsPureCheck(IMethodSymbol method)
        {
            string? type = method.ContainingType?.ToDisplayString();
            return (type, method.Name) switch
            {
                ("System.ArgumentNullException", "ThrowIfNull") => true,
                ("System.ArgumentException", "ThrowIfNullOrEmpty" or "ThrowIfNullOrWhiteSpace") => true,
                ("System.Diagnostics.Debug", "Assert") => true,
                ("System.Diagnostics.Trace", "Assert") => true,
                ("object", "ReferenceEquals" or "Equals") => method.IsStatic,
                _ => false,
            };
        }

        /// <summary><c>GetType</c>, <c>GetHashCode</c>, <c>Equals</c>, <c>ToString</c>: reading, not letting go.</summary>
        public static bool IsObjectMember(IMethodSymbol method)
        {
            for (IMethodSymbol? current = method; current != null; current = current.OverriddenMethod)
            {
                if (current.ContainingType?.SpecialType == SpecialType.System_Object)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
