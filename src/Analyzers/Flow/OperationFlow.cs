using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Emr.Codegen.Runtime.Rules;
using Emr.Codegen.Spec;
using Emr.Codegen.Spec.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Emr.Codegen.Analyzers.Flow
{
    /// <summary>
    /// Follows objects of spec types through a bound body's control-flow graph, keyed by symbols. Each block keeps
    /// the distinct states of the paths that reach it (equal states merge); past <see cref="MaxStatesPerBlock"/>
    /// it keeps only the facts all of them share. An object is judged where it leaves the body's hands (passed to a
    /// method that is not a pure check, returned, thrown, stored, captured by code that changes it) and at the end of
    /// the body; one not created here is known only by the members the body gives it.
    /// </summary>
    internal sealed class OperationFlow
    {
        private const int MaxStatesPerBlock = 16;

        /// <summary>A loop that keeps producing new states is widened after this many rounds.</summary>
        private const int MaxRounds = 64;

        private readonly ControlFlowGraph _graph;
        private readonly SpecTypeCatalog _catalog;
        private readonly Action<Diagnostic> _report;
        private readonly CancellationToken _cancellationToken;
        private readonly INamedTypeSymbol? _containingType;
        private readonly Dictionary<SyntaxNode, int> _siteIds = new Dictionary<SyntaxNode, int>();
        private readonly Dictionary<ISymbol, int> _rootIds = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        private readonly Dictionary<IMethodSymbol, CaptureEffects> _localFunctionEffects = new Dictionary<IMethodSymbol, CaptureEffects>(SymbolEqualityComparer.Default);
        private readonly Dictionary<ControlFlowRegion, CaptureEffects> _finallyEffects = new Dictionary<ControlFlowRegion, CaptureEffects>();
        private readonly Dictionary<ControlFlowRegion, FlowState> _tryFacts = new Dictionary<ControlFlowRegion, FlowState>();
        private readonly List<IFlowAnonymousFunctionOperation> _lambdas = new List<IFlowAnonymousFunctionOperation>();
        private readonly Dictionary<IFlowAnonymousFunctionOperation, CaptureEffects> _lambdaEffects = new Dictionary<IFlowAnonymousFunctionOperation, CaptureEffects>();
        private readonly BlockInput[] _inputs;

        /// <summary>What each flow capture holds, when one place defines it: a capture of a property is also where it is set.</summary>
        private readonly Dictionary<CaptureId, IOperation?> _captureDefinitions = new Dictionary<CaptureId, IOperation?>();
        private int _nextId;

        /// <summary>Per loop header (a block a later block branches back to), the properties its loop assigns.</summary>
        private readonly Dictionary<int, HashSet<IPropertySymbol>> _loopWrites;

        private OperationFlow(ControlFlowGraph graph, SpecTypeCatalog catalog, INamedTypeSymbol? containingType, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            _graph = graph;
            _catalog = catalog;
            _containingType = containingType;
            _report = report;
            _cancellationToken = cancellationToken;
            foreach (BasicBlock block in graph.Blocks)
            {
                foreach (IOperation operation in block.Operations)
                {
                    foreach (IOperation node in operation.DescendantsAndSelf())
                    {
                        if (node is IFlowCaptureOperation capture)
                        {
                            _captureDefinitions[capture.Id] = _captureDefinitions.ContainsKey(capture.Id) ? null : capture.Value;
                        }
                    }
                }
            }

            _loopWrites = LoopWrites(graph);
            _inputs = new BlockInput[graph.Blocks.Length];
            for (int i = 0; i < _inputs.Length; i++)
            {
                _inputs[i] = new BlockInput();
            }
        }

        private sealed class BlockInput
        {
            public List<FlowState> States { get; } = new List<FlowState>();

            public int Processed { get; set; }

            public bool Widened { get; set; }

            public int Rounds { get; set; }
        }

        /// <summary>Analyzes a bound body: its single values, then the flow of its objects, lambdas and local functions included.</summary>
        public static void Analyze(IOperation root, SemanticModel model, SpecTypeCatalog catalog, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            ControlFlowGraph? graph = root switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation constructor => ControlFlowGraph.Create(constructor, cancellationToken),
                IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                IBlockOperation block when block.Parent is null => ControlFlowGraph.Create(block, cancellationToken),
                _ => null,
            };

            if (graph is null)
            {
                return;
            }

            SingleValues.Check(root, model, catalog, report);
            INamedTypeSymbol? containingType = root.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>() is { } type
                ? model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol
                : null;
            Run(graph, catalog, containingType, report, cancellationToken);
        }

        private static void Run(ControlFlowGraph graph, SpecTypeCatalog catalog, INamedTypeSymbol? containingType, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var flow = new OperationFlow(graph, catalog, containingType, report, cancellationToken);
            flow.Solve();

            // Lambdas and local functions are bodies of their own; what they share with this one is unknown to them.
            foreach (IFlowAnonymousFunctionOperation lambda in flow._lambdas)
            {
                Run(graph.GetAnonymousFunctionControlFlowGraph(lambda), catalog, containingType, report, cancellationToken);
            }

            foreach (IMethodSymbol localFunction in graph.LocalFunctions)
            {
                ControlFlowGraph localGraph = graph.GetLocalFunctionControlFlowGraph(localFunction, cancellationToken);
                Run(localGraph, catalog, containingType, report, cancellationToken);
            }
        }

        private void Solve()
        {
            AddInput(_graph.Blocks[0], FlowState.Empty);
            bool changed = true;
            while (changed)
            {
                changed = false;
                foreach (BasicBlock block in _graph.Blocks)
                {
                    BlockInput input = _inputs[block.Ordinal];
                    while (input.Processed < input.States.Count)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        FlowState state = input.States[input.Processed++];
                        changed = true;
                        Process(block, state);
                    }
                }
            }
        }

        /// <summary>
        /// The loops of a graph, by header: each branch back to an earlier block closes a loop of the blocks between them,
        /// and every property those blocks assign (=, compound, ??=, ++, --, deconstruction) is one the loop may change.
        /// </summary>
        private static Dictionary<int, HashSet<IPropertySymbol>> LoopWrites(ControlFlowGraph graph)
        {
            var writes = new Dictionary<int, HashSet<IPropertySymbol>>();
            foreach (BasicBlock latch in graph.Blocks)
            {
                foreach (ControlFlowBranch? branch in new[] { latch.FallThroughSuccessor, latch.ConditionalSuccessor })
                {
                    // A loop that cannot run (while (false), foreach over new T[0]) changes nothing.
                    if (branch?.Destination is not { } header || header.Ordinal > latch.Ordinal || !latch.IsReachable || CannotRun(header))
                    {
                        continue;
                    }

                    if (!writes.TryGetValue(header.Ordinal, out HashSet<IPropertySymbol>? properties))
                    {
                        properties = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
                        writes[header.Ordinal] = properties;
                    }

                    for (int ordinal = header.Ordinal; ordinal <= latch.Ordinal; ordinal++)
                    {
                        BasicBlock block = graph.Blocks[ordinal];
                        IEnumerable<IOperation> operations = block.BranchValue is null ? block.Operations : block.Operations.Append(block.BranchValue);
                        foreach (IOperation node in operations.SelectMany(o => o.DescendantsAndSelf()))
                        {
                            IOperation? target = node switch
                            {
                                IAssignmentOperation assignment => assignment.Target,
                                IIncrementOrDecrementOperation step => step.Target,
                                _ => null,
                            };
                            foreach (IPropertyReferenceOperation property in target?.DescendantsAndSelf().OfType<IPropertyReferenceOperation>() ?? Enumerable.Empty<IPropertyReferenceOperation>())
                            {
                                properties.Add(property.Property.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return writes;
        }

        private static bool CannotRun(BasicBlock header) =>
            header.BranchValue?.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.CommonForEachStatementSyntax>() is { } forEach
            && SyntaxValues.IsEmptyArray(forEach.Expression);

        /// <summary>
        /// Entering a loop header, what the loop may assign is unknown: the path of zero rounds and the paths of later
        /// rounds meet there, so no member the loop changes is judged on a round count the code may never take.
        /// </summary>
        private FlowState ForgetLoopWrites(BasicBlock header, FlowState state)
        {
            if (!_loopWrites.TryGetValue(header.Ordinal, out HashSet<IPropertySymbol>? properties) || properties.Count == 0)
            {
                return state;
            }

            foreach (KeyValuePair<int, FlowObject> entry in state.Objects)
            {
                FlowObject obj = entry.Value;
                FlowObject forgotten = obj;
                foreach (SpecMember member in obj.Info.Members)
                {
                    if (properties.Contains(member.Property.OriginalDefinition))
                    {
                        forgotten = forgotten.With(member.Member.Name, FlowValue.Unknown);
                    }
                }

                if (!ReferenceEquals(forgotten, obj))
                {
                    state = state.WithObject(entry.Key, forgotten);
                }
            }

            return state;
        }

        private void AddInput(BasicBlock block, FlowState state, bool widen = false)
        {
            state = ForgetLoopWrites(block, state);
            BlockInput input = _inputs[block.Ordinal];
            if (widen && !input.Widened && input.States.Count > 0)
            {
                Widen(input);
            }

            if (input.Widened)
            {
                FlowState joined = FlowState.Join(input.States[0], state);
                if (!joined.SameAs(input.States[0]))
                {
                    input.States[0] = joined;
                    input.Processed = 0;
                }

                return;
            }

            foreach (FlowState known in input.States)
            {
                if (known.SameAs(state))
                {
                    return;
                }
            }

            input.States.Add(state);
            if (input.States.Count > MaxStatesPerBlock || ++input.Rounds > MaxRounds)
            {
                // Too many paths to keep apart: keep what they all share, and from now on only that.
                Widen(input);
            }
        }

        private static void Widen(BlockInput input)
        {
            FlowState joined = input.States[0];
            for (int i = 1; i < input.States.Count; i++)
            {
                joined = FlowState.Join(joined, input.States[i]);
            }

            input.States.Clear();
            input.States.Add(joined);
            input.Processed = 0;
            input.Widened = true;
        }

        private void Process(BasicBlock block, FlowState state)
        {
            if (block.Kind == BasicBlockKind.Exit)
            {
                foreach (KeyValuePair<int, FlowObject> entry in state.Objects)
                {
                    if (!entry.Value.Escaped && !entry.Value.Attached)
                    {
                        Judge(entry.Key, state);
                    }
                }

                return;
            }

            FlowState entryState = state;
            foreach (IOperation operation in block.Operations)
            {
                Eval(operation, ref state);
            }

            bool? condition = null;
            if (block.BranchValue != null)
            {
                FlowValue value = Eval(block.BranchValue, ref state);
                if (block.ConditionKind == ControlFlowConditionKind.None)
                {
                    // A returned or thrown value leaves the body.
                    LetGo(value, ref state);
                }
                else if (value.Known.State == KnownState.Known && value.Known.Value!.Kind == SpecValueKind.Boolean)
                {
                    condition = value.Known.Value.Text == "true";
                }
            }

            RecordForHandlers(block, entryState, state);
            bool conditionalWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
            bool negated = false;
            object? remembered = condition is null && block.ConditionKind != ControlFlowConditionKind.None ? RememberedCondition(block.BranchValue, out negated) : null;
            if (block.ConditionKind != ControlFlowConditionKind.None && block.ConditionalSuccessor is { } conditional
                && (condition is null || condition == conditionalWhen))
            {
                Follow(block, conditional, Remember(state, remembered, conditionalWhen != negated));
            }

            if (block.FallThroughSuccessor is { } fallThrough
                && (block.ConditionKind == ControlFlowConditionKind.None || condition is null || condition != conditionalWhen))
            {
                Follow(block, fallThrough, block.ConditionKind == ControlFlowConditionKind.None ? state : Remember(state, remembered, conditionalWhen == negated));
            }
        }

        /// <summary>
        /// The local or parameter a branch tests (<c>monthly</c>, or <c>!monthly</c> with <paramref name="negated"/>), when
        /// its value holds for the whole body: then every later test of it on the same path takes the same branch, so
        /// <c>PayMode = monthly ? 1 : 0, TimeUnit = monthly ? "m" : "s"</c> is judged on two paths, not four. Null for any
        /// other condition, or a variable a lambda or local function assigns (its value may change between the tests).
        /// </summary>
        private object? RememberedCondition(IOperation? condition, out bool negated)
        {
            negated = false;
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not)
            {
                negated = !negated;
                condition = not.Operand;
            }

            while (condition is IConversionOperation { IsImplicit: true } conversion)
            {
                condition = conversion.Operand;
            }

            ISymbol? symbol = condition switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter when parameter.Parameter.RefKind == RefKind.None => parameter.Parameter,
                _ => null,
            };
            return symbol != null && !AssignedByNestedCode.Contains(symbol) ? symbol : null;
        }

        /// <summary>On a branch of a test of <paramref name="key"/>, the value it had there.</summary>
        private static FlowState Remember(FlowState state, object? key, bool value) =>
            key is null ? state : state.WithVariable(key, FlowValue.Of(KnownValue.Of(SpecValue.FromBoolean(value)), null));

        /// <summary>Locals and parameters a lambda or local function of the body assigns: a test of one is never remembered.</summary>
        private HashSet<ISymbol> AssignedByNestedCode => _assignedByNestedCode ??= FindAssignedByNestedCode();

        private HashSet<ISymbol>? _assignedByNestedCode;

        private HashSet<ISymbol> FindAssignedByNestedCode()
        {
            var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            IEnumerable<IOperation> nested = _graph.OriginalOperation.Descendants().Where(o => o is IAnonymousFunctionOperation or ILocalFunctionOperation);
            foreach (IOperation node in nested.SelectMany(n => n.Descendants()))
            {
                IOperation? target = node switch
                {
                    IAssignmentOperation assignment => assignment.Target,
                    IIncrementOrDecrementOperation step => step.Target,
                    IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => argument.Value,
                    _ => null,
                };
                switch (target)
                {
                    case ILocalReferenceOperation local:
                        assigned.Add(local.Local);
                        break;
                    case IParameterReferenceOperation parameter:
                        assigned.Add(parameter.Parameter);
                        break;
                }
            }

            return assigned;
        }

        private void Follow(BasicBlock from, ControlFlowBranch branch, FlowState state)
        {
            if (branch.Destination is not { } destination)
            {
                return;
            }

            // Leaving a try with a finally runs the finally: what it may change is unknown afterwards.
            for (ControlFlowRegion? region = from.EnclosingRegion; region != null && region.Kind != ControlFlowRegionKind.Root; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.TryAndFinally && !Contains(region, destination) && region.NestedRegions.Length == 2 && Contains(region.NestedRegions[0], from))
                {
                    state = Apply(FinallyEffects(region.NestedRegions[1]), state, judgeLetGo: true);
                }
            }

            HashSet<CaptureId> live = LiveCaptures(destination);
            state = state.KeepVariables(key => key is not CaptureId capture || live.Contains(capture));

            // A loop's second round is not kept apart from the first: what the loop changes becomes unknown, so a
            // value from a round the loop's condition may never allow is not judged.
            AddInput(destination, state, widen: destination.Ordinal <= from.Ordinal);
        }

        private static bool Contains(ControlFlowRegion region, BasicBlock block) => block.Ordinal >= region.FirstBlockOrdinal && block.Ordinal <= region.LastBlockOrdinal;

        private readonly Dictionary<int, HashSet<CaptureId>> _liveCaptures = new Dictionary<int, HashSet<CaptureId>>();

        private HashSet<CaptureId> LiveCaptures(BasicBlock block)
        {
            if (!_liveCaptures.TryGetValue(block.Ordinal, out HashSet<CaptureId>? live))
            {
                live = new HashSet<CaptureId>();
                for (ControlFlowRegion? region = block.EnclosingRegion; region != null; region = region.EnclosingRegion)
                {
                    live.UnionWith(region.CaptureIds);
                }

                _liveCaptures[block.Ordinal] = live;
            }

            return live;
        }

        /// <summary>A catch or finally may start anywhere in its try: it starts from what every state seen there shares.</summary>
        private void RecordForHandlers(BasicBlock block, FlowState entry, FlowState exit)
        {
            // Up to this graph's root only: the graph of a lambda or local function declared in a try continues, past
            // its root, into the regions of the graph around it, whose blocks are not this graph's.
            for (ControlFlowRegion? region = block.EnclosingRegion; region != null && region.Kind != ControlFlowRegionKind.Root; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { } owner)
                {
                    continue;
                }

                FlowState facts = FlowState.Join(entry, exit);
                if (_tryFacts.TryGetValue(region, out FlowState? known))
                {
                    facts = FlowState.Join(known, facts);
                    if (facts.SameAs(known))
                    {
                        continue;
                    }
                }

                _tryFacts[region] = facts;
                foreach (ControlFlowRegion handler in owner.NestedRegions)
                {
                    if (handler != region)
                    {
                        AddInput(_graph.Blocks[handler.FirstBlockOrdinal], facts.KeepVariables(key => key is not CaptureId));
                    }
                }
            }
        }

        private CaptureEffects FinallyEffects(ControlFlowRegion finallyRegion)
        {
            if (!_finallyEffects.TryGetValue(finallyRegion, out CaptureEffects? effects))
            {
                IEnumerable<BasicBlock> blocks = _graph.Blocks.Where(b => Contains(finallyRegion, b));
                effects = CaptureEffects.Of(_graph, null, blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
                _finallyEffects[finallyRegion] = effects;
            }

            return effects;
        }

        private CaptureEffects LocalFunctionEffects(IMethodSymbol localFunction)
        {
            if (!_localFunctionEffects.TryGetValue(localFunction, out CaptureEffects? effects))
            {
                ControlFlowGraph? graph = CaptureEffects.FindLocalFunctionGraph(_graph, localFunction.OriginalDefinition);
                effects = graph is null
                    ? new CaptureEffects()
                    : CaptureEffects.Of(graph, graph.OriginalOperation.Syntax, graph.Blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { localFunction.OriginalDefinition });
                _localFunctionEffects[localFunction] = effects;
            }

            return effects;
        }

        /// <summary>
        /// Code that may run here changes shared variables: objects it lets go (or that a lambda keeps) are judged and no
        /// longer followed; members it sets become unknown; variables it assigns are forgotten.
        /// </summary>
        private FlowState Apply(CaptureEffects effects, FlowState state, bool judgeLetGo)
        {
            foreach (object root in effects.LetGo)
            {
                if (state.Variable(root) is { IsObject: true } held)
                {
                    if (judgeLetGo)
                    {
                        LetGo(held, ref state);
                    }

                    state = state.WithVariable(root, null);
                }
            }

            foreach (object root in effects.Reassigned)
            {
                state = state.WithVariable(root, null);
            }

            foreach (KeyValuePair<object, IReadOnlyList<IPropertySymbol>> write in effects.MemberWrites)
            {
                if (state.Variable(write.Key) is { IsObject: true } held)
                {
                    state = Forget(held.ObjectId, write.Value, 0, state);
                }
            }

            return state;
        }

        private FlowState Forget(int objectId, IReadOnlyList<IPropertySymbol> path, int index, FlowState state)
        {
            if (state.Object(objectId) is not FlowObject obj || obj.Info.MemberFor(path[index].Name) is not SpecMember member)
            {
                return state;
            }

            FlowValue current = obj.Get(member.Member.Name);
            if (index < path.Count - 1 && current.IsObject)
            {
                return Forget(current.ObjectId, path, index + 1, state);
            }

            FlowValue unknown = index < path.Count - 1 && current.Known.State != KnownState.Absent && current.Known.State != KnownState.Unknown
                ? FlowValue.Of(KnownValue.PresentUnknown, current.Syntax)
                : FlowValue.Of(IsSurelySet(member) ? KnownValue.PresentUnknown : KnownValue.Unknown, null);
            return state.WithObject(objectId, obj.With(member.Member.Name, unknown));
        }

        private static bool IsSurelySet(SpecMember member) =>
            member.Property.Type is { IsValueType: true } type && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T;

        private FlowValue Eval(IOperation? operation, ref FlowState state)
        {
            if (operation is null)
            {
                return FlowValue.Unknown;
            }

            if (operation.ConstantValue.HasValue)
            {
                object? constant = operation.ConstantValue.Value;
                return FlowValue.Of(constant is null ? KnownValue.Absent : OperationValues.FromObject(constant) is SpecValue value ? KnownValue.Of(value) : KnownValue.Unknown, operation.Syntax);
            }

            switch (operation)
            {
                case IExpressionStatementOperation statement:
                    return Eval(statement.Operation, ref state);
                case IFlowCaptureOperation capture:
                    FlowValue captured = Eval(capture.Value, ref state);
                    state = state.WithVariable(capture.Id, captured);
                    return FlowValue.Unknown;
                case IFlowCaptureReferenceOperation captureReference:
                    return state.Variable(captureReference.Id) ?? FlowValue.Unknown;
                case ILocalReferenceOperation local:
                    return VariableValue(local.Local, local.Local.Type, local, ref state);
                case IParameterReferenceOperation parameter:
                    return VariableValue(parameter.Parameter, parameter.Parameter.Type, parameter, ref state);
                case IFieldReferenceOperation field when IsOwnField(field):
                    return VariableValue(field.Field, field.Field.Type, field, ref state);
                case IPropertyReferenceOperation property:
                    {
                        FlowValue instance = Eval(property.Instance, ref state);
                        EvalArguments(property.Arguments, pure: false, ref state);
                        return instance.IsObject && state.Object(instance.ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member
                            ? obj.Get(member.Member.Name)
                            : FlowValue.Unknown;
                    }

                case ISimpleAssignmentOperation assignment:
                    return Assign(assignment.Target, assignment.Value, ref state);
                case ICompoundAssignmentOperation compound:
                    return Compound(compound.Target, compound.Value, compound.OperatorKind, compound.OperatorMethod, compound, ref state);
                case IIncrementOrDecrementOperation increment:
                    return Compound(increment.Target, null, increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract, increment.OperatorMethod, increment, ref state);
                case ICoalesceAssignmentOperation coalesce:
                    return CoalesceAssign(coalesce, ref state);
                case IDeconstructionAssignmentOperation deconstruction:
                    Deconstruct(deconstruction.Target, deconstruction.Value, ref state);
                    return FlowValue.Unknown;
                case IInvocationOperation invocation:
                    return Invoke(invocation, ref state);
                case IObjectCreationOperation creation:
                    return Create(creation, ref state);
                case IConversionOperation conversion:
                    {
                        FlowValue operand = Eval(conversion.Operand, ref state);
                        if (conversion.OperatorMethod is null)
                        {
                            return operand;
                        }

                        // The generated enumerations wrap a raw value in a struct: the value stays what it was.
                        if (!operand.IsObject && conversion.OperatorMethod.ContainingType?.TypeKind == TypeKind.Struct)
                        {
                            return operand;
                        }

                        LetGo(operand, ref state);
                        return FlowValue.Unknown;
                    }

                case IIsNullOperation isNull:
                    {
                        FlowValue operand = Eval(isNull.Operand, ref state);
                        bool? isNullValue = operand.IsObject ? false : operand.Known.State switch
                        {
                            KnownState.Absent => true,
                            KnownState.Known or KnownState.PresentUnknown => false,
                            _ => null,
                        };
                        return isNullValue is bool known ? FlowValue.Of(KnownValue.Of(SpecValue.FromBoolean(known)), null) : FlowValue.Unknown;
                    }

                case IIsPatternOperation or IIsTypeOperation or INameOfOperation or IBinaryOperation { OperatorMethod: null }:
                    // Looking at a request does not let it go.
                    foreach (IOperation child in operation.ChildOperations)
                    {
                        Eval(child, ref state);
                    }

                    return FlowValue.Unknown;
                case IFlowAnonymousFunctionOperation lambda:
                    {
                        if (!_lambdaEffects.TryGetValue(lambda, out CaptureEffects? effects))
                        {
                            ControlFlowGraph lambdaGraph = _graph.GetAnonymousFunctionControlFlowGraph(lambda);
                            effects = CaptureEffects.Of(lambdaGraph, lambda.Syntax, lambdaGraph.Blocks, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));
                            _lambdaEffects[lambda] = effects;
                            _lambdas.Add(lambda);
                        }

                        return Captured(effects, ref state);
                    }

                case IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } localFunctionReference:
                    return Captured(LocalFunctionEffects(localFunctionReference.Method), ref state);
                default:
                    foreach (IOperation child in operation.ChildOperations)
                    {
                        LetGo(Eval(child, ref state), ref state);
                    }

                    return FlowValue.Unknown;
            }
        }

        /// <summary>A lambda or delegate that changes what it captures: those objects are judged now and no longer followed.</summary>
        private FlowValue Captured(CaptureEffects effects, ref FlowState state)
        {
            foreach (object root in effects.Touched())
            {
                if (state.Variable(root) is { IsObject: true } held)
                {
                    LetGo(held, ref state);
                }

                state = state.WithVariable(root, null);
            }

            return FlowValue.Unknown;
        }

        private bool IsOwnField(IFieldReferenceOperation field) =>
            !field.Field.IsConst && (field.Instance is null ? field.Field.IsStatic : field.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance });

        /// <summary>A variable's value; a spec object it holds that this body did not create is followed from here on, its members unknown.</summary>
        private FlowValue VariableValue(ISymbol symbol, ITypeSymbol? type, IOperation reference, ref FlowState state)
        {
            if (state.Variable(symbol) is FlowValue known)
            {
                return known;
            }

            if (_catalog.Get(type) is not SpecObjectInfo info)
            {
                return FlowValue.Unknown;
            }

            if (!_rootIds.TryGetValue(symbol, out int id))
            {
                id = _nextId++;
                _rootIds[symbol] = id;
            }

            Allocate(id, new FlowObject(info, reference.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: true, escaped: false, attached: false), ref state);
            FlowValue value = FlowValue.Reference(id, reference.Syntax);
            state = state.WithVariable(symbol, value);
            return value;
        }

        /// <summary>Puts a new object at an allocation site; the one a loop made there before is judged if nothing holds it any more.</summary>
        private void Allocate(int id, FlowObject obj, ref FlowState state)
        {
            if (state.Object(id) is FlowObject previous)
            {
                bool held = false;
                foreach (KeyValuePair<object, FlowValue> variable in state.Variables.ToList())
                {
                    if (variable.Value.ObjectId == id)
                    {
                        held = true;
                        state = state.WithVariable(variable.Key, null);
                    }
                }

                foreach (KeyValuePair<int, FlowObject> owner in state.Objects.ToList())
                {
                    foreach (KeyValuePair<string, FlowValue> member in owner.Value.Members.Entries)
                    {
                        if (member.Value.ObjectId == id)
                        {
                            held = true;
                            state = state.WithObject(owner.Key, state.Object(owner.Key)!.With(member.Key, FlowValue.Of(KnownValue.PresentUnknown, member.Value.Syntax)));
                        }
                    }
                }

                if (!held && !previous.Escaped && !previous.Attached)
                {
                    Judge(id, state);
                }
            }

            state = state.WithObject(id, obj);
        }

        private FlowValue Create(IObjectCreationOperation creation, ref FlowState state)
        {
            EvalArguments(creation.Arguments, pure: false, ref state);
            if (_catalog.Get(creation.Type) is not SpecObjectInfo info)
            {
                if (creation.Initializer != null)
                {
                    Eval(creation.Initializer, ref state);
                }

                return FlowValue.Unknown;
            }

            if (!_siteIds.TryGetValue(creation.Syntax, out int id))
            {
                id = _nextId++;
                _siteIds[creation.Syntax] = id;
            }

            Allocate(id, new FlowObject(info, creation.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: false, escaped: false, attached: false), ref state);
            return FlowValue.Reference(id, creation.Syntax);
        }

        private void EvalArguments(IEnumerable<IArgumentOperation> arguments, bool pure, ref FlowState state)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                FlowValue value = Eval(argument.Value, ref state);
                if (!pure)
                {
                    LetGo(value, ref state);
                }
            }
        }

        private FlowValue Invoke(IInvocationOperation invocation, ref FlowState state)
        {
            IMethodSymbol method = invocation.TargetMethod;
            bool pure = CaptureEffects.IsPureCheck(method);
            FlowValue instance = Eval(invocation.Instance, ref state);
            if (!pure && !CaptureEffects.IsObjectMember(method))
            {
                LetGo(instance, ref state);
            }

            var refTargets = new List<IOperation>();
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
                {
                    refTargets.Add(argument.Value);
                }

                FlowValue value = Eval(argument.Value, ref state);
                if (!pure)
                {
                    LetGo(value, ref state);
                }
            }

            foreach (IOperation target in refTargets)
            {
                // Given by reference: the variable may hold anything afterwards.
                object? key = target switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    IFieldReferenceOperation field => field.Field,
                    _ => null,
                };

                if (key != null)
                {
                    state = state.WithVariable(key, null);
                }
            }

            if (method.MethodKind == MethodKind.LocalFunction)
            {
                state = Apply(LocalFunctionEffects(method), state, judgeLetGo: true);
            }
            else if (!pure && _containingType != null && IsOwnMethod(method))
            {
                // A method of the same type sees its fields: the requests they hold may be read or changed there.
                foreach (KeyValuePair<object, FlowValue> variable in state.Variables.ToList())
                {
                    if (variable.Key is IFieldSymbol && variable.Value.IsObject)
                    {
                        LetGo(variable.Value, ref state);
                        state = state.WithVariable(variable.Key, null);
                    }
                }
            }

            return FlowValue.Unknown;
        }

        private bool IsOwnMethod(IMethodSymbol method)
        {
            for (INamedTypeSymbol? type = _containingType; type != null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, method.ContainingType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The place an assignment writes: the graph captures the property of <c>r.M ??= v</c> before it sets it.</summary>
        private IOperation Location(IOperation target)
        {
            for (int depth = 0; depth < 8 && target is IFlowCaptureReferenceOperation capture && _captureDefinitions.TryGetValue(capture.Id, out IOperation? definition)
                && definition is IPropertyReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IFlowCaptureReferenceOperation; depth++)
            {
                target = definition!;
            }

            return target;
        }

        private FlowValue Assign(IOperation target, IOperation value, ref FlowState state)
        {
            target = Location(target);
            switch (target)
            {
                case ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation when Key(target) is object key:
                    {
                        FlowValue assigned = Eval(value, ref state);
                        if (key is IFieldSymbol)
                        {
                            // Stored where other code can reach it.
                            LetGo(assigned, ref state);
                        }

                        state = state.WithVariable(key, assigned.IsObject ? assigned : null);
                        return assigned;
                    }

                case IPropertyReferenceOperation property:
                    {
                        FlowValue instance = TargetInstance(property.Instance, ref state);
                        EvalArguments(property.Arguments, pure: false, ref state);
                        FlowValue assigned = Eval(value, ref state);
                        if (instance.IsObject && state.Object(instance.ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member)
                        {
                            Store(instance.ObjectId, member, value, assigned, ref state);
                        }
                        else
                        {
                            LetGo(assigned, ref state);
                        }

                        return assigned;
                    }

                default:
                    {
                        foreach (IOperation child in target.ChildOperations)
                        {
                            LetGo(Eval(child, ref state), ref state);
                        }

                        FlowValue assigned = Eval(value, ref state);
                        LetGo(assigned, ref state);
                        return assigned;
                    }
            }
        }

        private object? Key(IOperation reference) => reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field when IsOwnField(field) => field.Field,
            _ => null,
        };

        /// <summary>The object whose member is set; a nested object the body did not create is followed from here, its members unknown.</summary>
        private FlowValue TargetInstance(IOperation? instance, ref FlowState state)
        {
            if (instance is IPropertyReferenceOperation nested)
            {
                FlowValue owner = TargetInstance(nested.Instance, ref state);
                if (owner.IsObject && state.Object(owner.ObjectId) is FlowObject obj && MemberOf(obj.Info, nested.Property) is SpecMember member
                    && member.Member.Kind == ValueKind.Object && !member.Member.IsList && _catalog.Get(SpecTypeCatalog.UnwrapNullable(member.Property.Type)) is SpecObjectInfo nestedInfo)
                {
                    FlowValue slot = obj.Get(member.Member.Name);
                    if (slot.IsObject)
                    {
                        return slot;
                    }

                    if (!_siteIds.TryGetValue(nested.Syntax, out int id))
                    {
                        id = _nextId++;
                        _siteIds[nested.Syntax] = id;
                    }

                    Allocate(id, new FlowObject(nestedInfo, slot.Syntax ?? nested.Syntax, SmallMap<FlowValue>.Empty, fromElsewhere: true, escaped: false, attached: true), ref state);
                    FlowValue reference = FlowValue.Reference(id, slot.Syntax ?? nested.Syntax);
                    state = state.WithObject(owner.ObjectId, state.Object(owner.ObjectId)!.With(member.Member.Name, reference));
                    return reference;
                }

                return FlowValue.Unknown;
            }

            return Eval(instance, ref state);
        }

        /// <summary>A member is given a value: a constant, a followed object (now held by its owner), or something unknown.</summary>
        private void Store(int ownerId, SpecMember member, IOperation valueOperation, FlowValue value, ref FlowState state)
        {
            FlowObject owner = state.Object(ownerId)!;
            FlowValue stored;
            if (value.IsObject && member.Member.Kind == ValueKind.Object && !member.Member.IsList && state.Object(value.ObjectId) is FlowObject held)
            {
                state = state.WithObject(value.ObjectId, held.WithAttached(true));
                stored = FlowValue.Reference(value.ObjectId, valueOperation.Syntax);
            }
            else
            {
                LetGo(value, ref state);
                stored = FlowValue.Of(ReadValue(member, owner.Info, valueOperation, value, state), ValueSyntax(valueOperation, value));
            }

            state = state.WithObject(ownerId, state.Object(ownerId)!.With(member.Member.Name, stored));
        }

        /// <summary>Where a value was written: the literal a flow capture holds, or the value itself.</summary>
        private static SyntaxNode ValueSyntax(IOperation valueOperation, FlowValue value)
        {
            IOperation unwrapped = valueOperation;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            return unwrapped is IFlowCaptureReferenceOperation && value.Syntax != null ? value.Syntax : valueOperation.Syntax;
        }

        private static KnownValue ReadValue(SpecMember member, SpecObjectInfo owner, IOperation valueOperation, FlowValue value, FlowState state)
        {
            if (member.Member.Kind == ValueKind.Object || member.Member.IsList)
            {
                if (value.Known.State == KnownState.Absent)
                {
                    return KnownValue.Absent;
                }

                IOperation unwrapped = valueOperation;
                while (unwrapped is IConversionOperation conversion)
                {
                    unwrapped = conversion.Operand;
                }

                if (value.IsObject || unwrapped is IObjectCreationOperation || (member.Member.IsList && unwrapped.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression && SyntaxValues.ListItems(expression) != null))
                {
                    return KnownValue.PresentUnknown;
                }

                return IsSurelySet(member) ? KnownValue.PresentUnknown : KnownValue.Unknown;
            }

            KnownValue known = OperationValues.Read(valueOperation, member, owner, operation => operation switch
            {
                IFlowCaptureReferenceOperation capture => state.Variable(capture.Id),
                _ when operation == valueOperation => value,
                _ => null,
            });
            if (known.State == KnownState.Unknown && value.Known.State != KnownState.Unknown && !value.IsObject)
            {
                known = value.Known;
            }

            return known.State == KnownState.Unknown && IsSurelySet(member) ? KnownValue.PresentUnknown : known;
        }

        private FlowValue Compound(IOperation target, IOperation? value, BinaryOperatorKind kind, IMethodSymbol? operatorMethod, IOperation whole, ref FlowState state)
        {
            target = Location(target);
            if (target is not IPropertyReferenceOperation property)
            {
                foreach (IOperation child in target.ChildOperations)
                {
                    Eval(child, ref state);
                }

                if (Key(target) is object key)
                {
                    state = state.WithVariable(key, null);
                }

                LetGo(Eval(value, ref state), ref state);
                return FlowValue.Unknown;
            }

            FlowValue instance = TargetInstance(property.Instance, ref state);
            FlowValue operand = value is null ? FlowValue.Of(KnownValue.Of(SpecValue.FromNumber(1)), null) : Eval(value, ref state);
            if (!instance.IsObject || state.Object(instance.ObjectId) is not FlowObject obj || MemberOf(obj.Info, property.Property) is not SpecMember member)
            {
                return FlowValue.Unknown;
            }

            KnownValue current = obj.Get(member.Member.Name).Known;
            KnownValue right = value is null ? operand.Known : ReadValue(member, obj.Info, value, operand, state);
            KnownValue result = operatorMethod is null ? Combine(current, right, kind) : KnownValue.Unknown;
            if (result.State == KnownState.Known && !FitsIn(property.Property.Type, result.Value!))
            {
                // Beyond the property's type the result wraps around (or throws, when checked): not the exact sum.
                result = KnownValue.Unknown;
            }

            if (result.State == KnownState.Unknown && IsSurelySet(member))
            {
                result = KnownValue.PresentUnknown;
            }

            FlowValue stored = FlowValue.Of(result, whole.Syntax);
            state = state.WithObject(instance.ObjectId, obj.With(member.Member.Name, stored));
            return stored;
        }

        /// <summary>Whether a number is within the range of an integer type (a number of another type, or a string, always is).</summary>
        private static bool FitsIn(ITypeSymbol type, SpecValue value)
        {
            if (value.Kind != SpecValueKind.Number)
            {
                return true;
            }

            decimal number = value.ToNumber();
            return SpecTypeCatalog.UnwrapNullable(type).SpecialType switch
            {
                SpecialType.System_Byte => number >= byte.MinValue && number <= byte.MaxValue,
                SpecialType.System_SByte => number >= sbyte.MinValue && number <= sbyte.MaxValue,
                SpecialType.System_Int16 => number >= short.MinValue && number <= short.MaxValue,
                SpecialType.System_UInt16 => number >= ushort.MinValue && number <= ushort.MaxValue,
                SpecialType.System_Int32 => number >= int.MinValue && number <= int.MaxValue,
                SpecialType.System_UInt32 => number >= uint.MinValue && number <= uint.MaxValue,
                SpecialType.System_Int64 => number >= long.MinValue && number <= long.MaxValue,
                SpecialType.System_UInt64 => number >= ulong.MinValue && number <= ulong.MaxValue,
                _ => true,
            };
        }

        private static KnownValue Combine(KnownValue left, KnownValue right, BinaryOperatorKind kind)
        {
            if (left.State != KnownState.Known || right.State != KnownState.Known)
            {
                return KnownValue.Unknown;
            }

            SpecValue a = left.Value!;
            SpecValue b = right.Value!;
            if (a.Kind == SpecValueKind.Number && b.Kind == SpecValueKind.Number && a.IsInteger && b.IsInteger)
            {
                try
                {
                    decimal x = a.ToNumber();
                    decimal y = b.ToNumber();
                    return kind switch
                    {
                        BinaryOperatorKind.Add => KnownValue.Of(SpecValue.FromNumber(x + y)),
                        BinaryOperatorKind.Subtract => KnownValue.Of(SpecValue.FromNumber(x - y)),
                        BinaryOperatorKind.Multiply => KnownValue.Of(SpecValue.FromNumber(x * y)),
                        _ => KnownValue.Unknown,
                    };
                }
                catch (OverflowException)
                {
                    return KnownValue.Unknown;
                }
            }

            return a.Kind == SpecValueKind.String && b.Kind == SpecValueKind.String && kind == BinaryOperatorKind.Add ? KnownValue.Of(SpecValue.FromString(a.Text + b.Text)) : KnownValue.Unknown;
        }

        private FlowValue CoalesceAssign(ICoalesceAssignmentOperation coalesce, ref FlowState state)
        {
            if (coalesce.Target is not IPropertyReferenceOperation property)
            {
                return Assign(coalesce.Target, coalesce.Value, ref state);
            }

            FlowValue instance = TargetInstance(property.Instance, ref state);
            if (!instance.IsObject || state.Object(instance.ObjectId) is not FlowObject obj || MemberOf(obj.Info, property.Property) is not SpecMember member)
            {
                LetGo(Eval(coalesce.Value, ref state), ref state);
                return FlowValue.Unknown;
            }

            FlowValue current = obj.Get(member.Member.Name);
            if (current.IsObject || current.Known.State is KnownState.Known or KnownState.PresentUnknown)
            {
                return current;
            }

            FlowValue assigned = Eval(coalesce.Value, ref state);
            if (current.Known.State == KnownState.Absent)
            {
                Store(instance.ObjectId, member, coalesce.Value, assigned, ref state);
                return assigned;
            }

            // Not known whether it was set: set or kept, nothing is known of it.
            LetGo(assigned, ref state);
            FlowObject updated = state.Object(instance.ObjectId)!;
            state = state.WithObject(instance.ObjectId, updated.With(member.Member.Name, FlowValue.Unknown));
            return FlowValue.Unknown;
        }

        /// <summary><c>(a.X, b.Y) = (1, "m")</c>: each element as an assignment; anything else makes the targets unknown.</summary>
        private void Deconstruct(IOperation target, IOperation value, ref FlowState state)
        {
            IOperation source = value;
            while (source is IConversionOperation { OperatorMethod: null } conversion)
            {
                source = conversion.Operand;
            }

            if (target is ITupleOperation targets && source is ITupleOperation values && targets.Elements.Length == values.Elements.Length)
            {
                var instances = new FlowValue[targets.Elements.Length];
                for (int i = 0; i < instances.Length; i++)
                {
                    instances[i] = targets.Elements[i] is IPropertyReferenceOperation property ? TargetInstance(property.Instance, ref state) : FlowValue.Unknown;
                }

                var assigned = new FlowValue[values.Elements.Length];
                for (int i = 0; i < assigned.Length; i++)
                {
                    if (targets.Elements[i] is ITupleOperation)
                    {
                        continue;
                    }

                    assigned[i] = Eval(values.Elements[i], ref state);
                }

                for (int i = 0; i < assigned.Length; i++)
                {
                    IOperation element = targets.Elements[i];
                    if (element is ITupleOperation)
                    {
                        Deconstruct(element, values.Elements[i], ref state);
                    }
                    else if (element is IPropertyReferenceOperation property && instances[i].IsObject && state.Object(instances[i].ObjectId) is FlowObject obj && MemberOf(obj.Info, property.Property) is SpecMember member)
                    {
                        Store(instances[i].ObjectId, member, values.Elements[i], assigned[i], ref state);
                    }
                    else if (Key(element) is object key)
                    {
                        state = state.WithVariable(key, assigned[i].IsObject ? assigned[i] : null);
                    }
                    else
                    {
                        LetGo(assigned[i], ref state);
                    }
                }

                return;
            }

            LetGo(Eval(value, ref state), ref state);
            ForgetTargets(target, ref state);
        }

        private void ForgetTargets(IOperation target, ref FlowState state)
        {
            if (target is ITupleOperation tuple)
            {
                foreach (IOperation element in tuple.Elements)
                {
                    ForgetTargets(element, ref state);
                }
            }
            else if (target is IPropertyReferenceOperation property)
            {
                FlowValue instance = TargetInstance(property.Instance, ref state);
                if (instance.IsObject)
                {
                    state = Forget(instance.ObjectId, new[] { property.Property }, 0, state);
                }
            }
            else if (Key(target) is object key)
            {
                state = state.WithVariable(key, null);
            }
        }

        private static SpecMember? MemberOf(SpecObjectInfo info, IPropertySymbol property) =>
            info.MemberFor(property.Name) is SpecMember member && SymbolEqualityComparer.Default.Equals(member.Property.OriginalDefinition, property.OriginalDefinition) ? member : null;

        /// <summary>A value leaves the body's hands: an object it refers to is judged on what this path gave it.</summary>
        private void LetGo(FlowValue value, ref FlowState state)
        {
            if (!value.IsObject || state.Object(value.ObjectId) is not FlowObject obj)
            {
                return;
            }

            Judge(value.ObjectId, state);
            state = state.WithObject(value.ObjectId, obj.WithEscaped(true));
        }

        private void Judge(int objectId, FlowState state)
        {
            if (Materialize(objectId, state, 0) is AbstractObject obj)
            {
                Checks.CheckRules(obj, _report);
            }
        }

        private static AbstractObject? Materialize(int objectId, FlowState state, int depth)
        {
            if (state.Object(objectId) is not FlowObject obj)
            {
                return null;
            }

            var members = new List<KeyValuePair<string, AbstractValue>>(obj.Members.Count);
            foreach (KeyValuePair<string, FlowValue> member in obj.Members.Entries)
            {
                AbstractObject? nested = member.Value.IsObject && depth < 8 ? Materialize(member.Value.ObjectId, state, depth + 1) : null;
                KnownValue known = member.Value.IsObject && nested is null ? KnownValue.PresentUnknown : member.Value.Known;
                members.Add(new KeyValuePair<string, AbstractValue>(member.Key, new AbstractValue(known, member.Value.Syntax, nested)));
            }

            if (obj.FromElsewhere)
            {
                // Members this body never set are unknown, not absent.
                foreach (MemberModel member in obj.Info.Model.Members)
                {
                    if (obj.Members.Get(member.Name) is null)
                    {
                        members.Add(new KeyValuePair<string, AbstractValue>(member.Name, new AbstractValue(KnownValue.Unknown, null)));
                    }
                }
            }

            return new AbstractObject(obj.Info, obj.Syntax, SmallMap<AbstractValue>.From(members));
        }
    }
}
