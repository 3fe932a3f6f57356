// FrameAnalysis: whether a function defines a closure anywhere in its body or parameter defaults. Only
// such a function can have its locals captured, so only its frames go on the heap; every other call
// keeps its locals on the interpreter's value stack (Runtime/Frame.swift).

extension FunctionDeclaration {
    var definesClosure: Bool {
        body.contains { $0.definesClosure } || parameters.contains { $0.defaultValue?.definesClosure ?? false }
    }
}

extension Stmt {
    var definesClosure: Bool {
        switch kind {
        case .function: return true
        case .let(_, let value): return value.definesClosure
        case .expression(let expression, _): return expression.definesClosure
        case .forLoop(_, let sequence, let body): return sequence.definesClosure || body.contains { $0.definesClosure }
        case .whileLoop(let condition, let body): return condition.definesClosure || body.contains { $0.definesClosure }
        case .break, .continue: return false
        case .return(let value): return value?.definesClosure ?? false
        }
    }
}

extension Expr {
    var definesClosure: Bool {
        switch kind {
        case .function: return true
        case .number, .string, .boolean, .null, .name: return false
        case .list(let elements): return elements.contains { $0.definesClosure }
        case .record(let fields): return fields.contains { $0.value.definesClosure }
        case .unary(_, let operand), .field(let operand, _): return operand.definesClosure
        case .binary(_, let left, let right), .logical(_, let left, let right), .assign(let left, let right):
            return left.definesClosure || right.definesClosure
        case .call(let callee, let arguments): return callee.definesClosure || arguments.contains { $0.value.definesClosure }
        case .index(let base, .single(let index)): return base.definesClosure || index.definesClosure
        case .index(let base, .slice(let from, let to)):
            return base.definesClosure || (from?.definesClosure ?? false) || (to?.definesClosure ?? false)
        case .block(let statements): return statements.contains { $0.definesClosure }
        case .conditional(let condition, let then, let otherwise):
            return condition.definesClosure || then.definesClosure || (otherwise?.definesClosure ?? false)
        }
    }
}

// Whether a function's closures can outlive its call. A local function (`fn helper() {…}` or
// `let helper = x => …` inside a function) sits in a slot of the frame it captures: frame and closure
// refer to each other, and neither would ever be freed. When every closure a function defines is such
// a local function, defines no closure of its own, and is only ever called by name — never read as a
// value, reassigned, returned or passed on — nothing can refer to the frame once the call is over, and
// the call clears its slots on the way out to break the cycle (Function.invoke). Names are matched
// as written, so a shadowing variable of the same name only makes the answer a cautious "no".

extension FunctionDeclaration {
    var closuresStayInFrame: Bool {
        var names: Set<String> = []
        guard parameters.allSatisfy({ !($0.defaultValue?.definesClosure ?? false) }),
              body.allSatisfy({ $0.collectLocalFunctions(into: &names) }),
              !names.isEmpty
        else { return false }
        return body.allSatisfy { $0.onlyCalls(names) }
            && parameters.allSatisfy { $0.defaultValue?.onlyCalls(names) ?? true }
    }
}

private extension FunctionDeclaration {
    /// A function inside the one analysed: its body and defaults only call the names, and no
    /// parameter hides one of them.
    func onlyCalls(_ names: Set<String>) -> Bool {
        body.allSatisfy { $0.onlyCalls(names) }
            && parameters.allSatisfy { !names.contains($0.name) && ($0.defaultValue?.onlyCalls(names) ?? true) }
    }
}

private extension Stmt {
    /// Adds the names of the local functions defined here; false if a closure is defined any other way.
    func collectLocalFunctions(into names: inout Set<String>) -> Bool {
        switch kind {
        case .function(let declaration):
            guard let name = declaration.name, !declaration.definesClosure else { return false }
            return names.insert(name).inserted
        case .let(let name, let value):
            if case .function(let declaration) = value.kind {
                guard declaration.name == nil, !declaration.definesClosure else { return false }
                return names.insert(name).inserted
            }
            return !value.definesClosure
        case .expression(let expression, _):
            if case .block(let statements) = expression.kind {
                return statements.allSatisfy { $0.collectLocalFunctions(into: &names) }
            }
            return !expression.definesClosure
        case .forLoop(_, let sequence, let body):
            return !sequence.definesClosure && body.allSatisfy { $0.collectLocalFunctions(into: &names) }
        case .whileLoop(let condition, let body):
            return !condition.definesClosure && body.allSatisfy { $0.collectLocalFunctions(into: &names) }
        case .break, .continue:
            return true
        case .return(let value):
            return !(value?.definesClosure ?? false)
        }
    }

    func onlyCalls(_ names: Set<String>) -> Bool {
        switch kind {
        case .function(let declaration):
            return declaration.onlyCalls(names)
        case .let(_, let value): return value.onlyCalls(names)
        case .expression(let expression, _): return expression.onlyCalls(names)
        case .forLoop(let variable, let sequence, let body):
            return !names.contains(variable) && sequence.onlyCalls(names) && body.allSatisfy { $0.onlyCalls(names) }
        case .whileLoop(let condition, let body):
            return condition.onlyCalls(names) && body.allSatisfy { $0.onlyCalls(names) }
        case .break, .continue: return true
        case .return(let value): return value?.onlyCalls(names) ?? true
        }
    }
}

private extension Expr {
    /// True when every use of these names is as the callee of a call.
    func onlyCalls(_ names: Set<String>) -> Bool {
        switch kind {
        case .name(let name): return !names.contains(name)
        case .number, .string, .boolean, .null: return true
        case .call(let callee, let arguments):
            let calleeIsFine: Bool
            if case .name = callee.kind { calleeIsFine = true } else { calleeIsFine = callee.onlyCalls(names) }
            return calleeIsFine && arguments.allSatisfy { $0.value.onlyCalls(names) }
        case .assign(let target, let value):
            return target.onlyCalls(names) && value.onlyCalls(names)
        case .function(let declaration):
            return declaration.onlyCalls(names)
        case .list(let elements): return elements.allSatisfy { $0.onlyCalls(names) }
        case .record(let fields): return fields.allSatisfy { $0.value.onlyCalls(names) }
        case .unary(_, let operand), .field(let operand, _): return operand.onlyCalls(names)
        case .binary(_, let left, let right), .logical(_, let left, let right):
            return left.onlyCalls(names) && right.onlyCalls(names)
        case .index(let base, .single(let index)): return base.onlyCalls(names) && index.onlyCalls(names)
        case .index(let base, .slice(let from, let to)):
            return base.onlyCalls(names) && (from?.onlyCalls(names) ?? true) && (to?.onlyCalls(names) ?? true)
        case .block(let statements): return statements.allSatisfy { $0.onlyCalls(names) }
        case .conditional(let condition, let then, let otherwise):
            return condition.onlyCalls(names) && then.onlyCalls(names) && (otherwise?.onlyCalls(names) ?? true)
        }
    }
}
