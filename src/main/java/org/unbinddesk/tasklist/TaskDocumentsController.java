package org.unbinddesk.tasklist;

import static org.unbinddesk.process.ProcessVariables.DOCUMENTS;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbinddesk.access.Groups;
import org.unbinddesk.api.ApiException;
import org.unbinddesk.api.CaseFiles;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.cases.UnbindingCaseRepository;
import org.unbinddesk.documents.CaseDocument;
import org.unbinddesk.documents.CaseDocuments;
import org.unbinddesk.documents.DocumentRefused;
import org.unbinddesk.documents.DocumentService;
import org.unbinddesk.problem.ProblemTypes;
import org.unbinddesk.process.UserTasks;
import org.unbinddesk.runtime.EngineAccess;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The merchant's files as Tasklist shows them, behind the web apps' own login (no second prompt): the documents of the
 * case of a task the caller can see, each file shown through {@link CaseFiles} (rights, checksum, watermark and the
 * {@code DOCUMENT_VIEWED} row, as on {@code /api}); and files an agent attaches when starting a case or supplying
 * missing documents, stored through the same upload as {@code /api}'s. A task the engine does not show the caller is
 * not found; a file id that is not of the task's case is refused (and recorded) without reading the file. Problems are
 * RFC 7807 bodies whose {@code detail} is a Chinese sentence the desk's script shows as it is.
 */
@RestController
@Hidden
class TaskDocumentsController {

	static final String BASE = "/camunda/api/unbind-desk";

	private final IdentityService identity;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final UnbindingCaseRepository cases;

	private final CaseDocuments documents;

	private final CaseFiles files;

	private final EngineAccess engine;

	TaskDocumentsController(IdentityService identity, TaskService tasks, RuntimeService runtime, HistoryService history,
			UnbindingCaseRepository cases, CaseDocuments documents, CaseFiles files, EngineAccess engine) {
		this.identity = identity;
		this.tasks = tasks;
		this.runtime = runtime;
		this.history = history;
		this.cases = cases;
		this.documents = documents;
		this.files = files;
		this.engine = engine;
	}

	record Code(String code, String nameZh, String nameEn) {
	}

	record FileItem(long id, String mediaType, Long size, String suppliedBy, LocalDateTime suppliedAt, String content) {
	}

	record Supply(String suppliedBy, LocalDateTime suppliedAt) {
	}

	/** @param paper {@code FILES}, {@code CODE_ONLY} (named or verified elsewhere, no file) */
	record Item(String code, String nameZh, String nameEn, String paper, int count, List<FileItem> files,
			List<Supply> verifiedElsewhere) {
	}

	record TaskDocuments(String caseNumber, String taskId, List<Item> items) {
	}

	record Attached(String code, String nameZh, long id, boolean created, boolean documentsSupplied) {
	}

	record Checked(String mediaType) {
	}

	/** Every document code the desk knows, with the names the merchant's notices use: what the forms' lists offer. */
	@GetMapping(BASE + "/document-codes")
	List<Code> codes() {
		caller();
		return new TreeSet<>(DocumentService.CODES).stream()
			.map(c -> new Code(c, DocumentService.nameZh(c), DocumentService.nameEn(c)))
			.toList();
	}

	@GetMapping(BASE + "/tasks/{taskId}/documents")
	TaskDocuments list(@PathVariable String taskId) {
		Authentication caller = caller();
		requireCaseReader(caller);
		UnbindingCase c = caseOf(visibleTask(taskId));
		List<CaseDocument> stored = documents.list(c.getCaseNumber());
		Set<String> codes = new LinkedHashSet<>(named(c));
		stored.forEach(d -> codes.add(d.code()));
		List<Item> items = new ArrayList<>();
		for (String code : codes) {
			List<FileItem> fileItems = stored.stream()
				.filter(d -> d.code().equals(code) && d.kind() == CaseDocument.Kind.FILE)
				.map(d -> new FileItem(d.id(), d.mediaType(), d.size(), d.suppliedBy(), d.suppliedAt(),
						BASE + "/tasks/" + taskId + "/documents/" + d.id() + "/content"))
				.toList();
			List<Supply> elsewhere = stored.stream()
				.filter(d -> d.code().equals(code) && d.kind() == CaseDocument.Kind.VERIFIED_ELSEWHERE)
				.map(d -> new Supply(d.suppliedBy(), d.suppliedAt()))
				.toList();
			items.add(new Item(code, DocumentService.nameZh(code), DocumentService.nameEn(code),
					fileItems.isEmpty() ? "CODE_ONLY" : "FILES", fileItems.size(), fileItems, elsewhere));
		}
		return new TaskDocuments(c.getCaseNumber(), taskId, items);
	}

	@GetMapping(BASE + "/tasks/{taskId}/documents/{id}/content")
	void content(@PathVariable String taskId, @PathVariable long id, HttpServletResponse response) throws IOException {
		Authentication caller = caller();
		Task task = visibleTask(taskId);
		UnbindingCase c = caseOf(task);
		files.requireReader(c.getCaseNumber(), id, caller.getUserId(), groups(caller));
		CaseFiles.Readable file = files.open(c.getCaseNumber(), id, caller.getUserId());
		String mediaType = file.document().mediaType();
		response.setContentType(mediaType);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + c.getCaseNumber() + "-"
				+ file.document().code() + "-" + id + (mediaType.equals("application/pdf") ? ".pdf"
						: mediaType.equals("image/png") ? ".png" : ".jpg") + "\"");
		// the watermarked copy is made for this person: no shared cache keeps it
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		files.show(c.getCaseNumber(), file, caller.getUserId(), response.getOutputStream());
	}

	/** A file for a code, from the agent working "Supply missing documents" of the case. */
	@PostMapping(BASE + "/tasks/{taskId}/documents/{code}")
	ResponseEntity<Attached> supply(@PathVariable String taskId, @PathVariable String code, HttpServletRequest request)
			throws IOException {
		Authentication caller = caller();
		requireUploader(caller);
		Task task = visibleTask(taskId);
		if (!UserTasks.SUPPLY_DOCUMENTS.equals(task.getTaskDefinitionKey())) {
			throw new ApiException(ProblemTypes.FORBIDDEN, "只能在“补充材料”任务中上传材料。");
		}
		return attach(caseOf(task), code, request, caller);
	}

	/** A file for a code, from the agent who just started the case in Tasklist (the start form has no case yet). */
	@PostMapping(BASE + "/started-cases/{processInstanceId}/documents/{code}")
	ResponseEntity<Attached> attachToStarted(@PathVariable String processInstanceId, @PathVariable String code,
			HttpServletRequest request) throws IOException {
		Authentication caller = caller();
		requireUploader(caller);
		HistoricProcessInstance started = engine.asService(() -> history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult());
		if (started == null || !caller.getUserId().equals(started.getStartUserId())) {
			throw new ApiException(ProblemTypes.NOT_FOUND, "没有您发起的这个受理。");
		}
		UnbindingCase c = cases.findByProcessInstanceId(processInstanceId)
			.orElseThrow(() -> new ApiException(ProblemTypes.NOT_FOUND, "没有您发起的这个受理。"));
		return attach(c, code, request, caller);
	}

	/** Whether a file would be taken, before the case it is for exists: nothing is stored. */
	@PostMapping(BASE + "/documents/check")
	Checked check(HttpServletRequest request) throws IOException {
		Authentication caller = caller();
		requireUploader(caller);
		if (request.getContentLengthLong() > documents.maxSize()) {
			throw refusal(DocumentRefused.Why.TOO_LARGE);
		}
		try {
			return new Checked(documents.inspect(request.getInputStream()));
		}
		catch (DocumentRefused refused) {
			throw refusal(refused.why());
		}
	}

	private ResponseEntity<Attached> attach(UnbindingCase c, String code, HttpServletRequest request,
			Authentication caller) throws IOException {
		if (!DocumentService.CODES.contains(code)) {
			throw new ApiException(ProblemTypes.VALIDATION, "请从材料清单中选择材料类型。");
		}
		// added, as the API's POST: another page, the back of a card
		CaseFiles.Uploaded uploaded = files.upload(c.getCaseNumber(), code, request.getContentLengthLong(),
				request.getInputStream(), caller.getUserId(), false);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Attached(code, DocumentService.nameZh(code), uploaded.id(), uploaded.created(),
					uploaded.documentsSupplied()));
	}

	/**
	 * Refusals as Chinese sentences for the person at the desk; the kind of problem stays the API's. A refused upload
	 * may leave the rest of its body unread, so the whole answer is written and the connection may then close.
	 */
	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> refused(ApiException ex) {
		ProblemDetail problem = ex.type().problem(chinese(ex));
		return ResponseEntity.status(ex.type().status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private String chinese(ApiException ex) {
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (!message.isEmpty() && Character.UnicodeScript.of(message.codePointAt(0)) == Character.UnicodeScript.HAN) {
			return message;
		}
		return switch (ex.type()) {
			case UNSUPPORTED_MEDIA_TYPE -> "文件内容不是 JPEG、PNG 图片或 PDF 文件（与文件名无关），或无法打开，未保存。请换一个文件。";
			case PAYLOAD_TOO_LARGE -> "文件超过 " + megabytes() + " MB 的上限，未保存。";
			case VALIDATION -> message.startsWith("body") ? "文件是空的，未保存。" : "请从材料清单中选择材料类型。";
			case CASE_CLOSED -> "受理已结束，材料不能再更改。";
			case CASE_NOT_FOUND -> "没有这个受理。";
			case FORBIDDEN -> "只有坐席、审核员、主管、运营和管理员可以查看受理的材料。";
			case NOT_FOUND -> "该任务所属的受理中没有这份材料。";
			case DOCUMENT_DAMAGED -> "这份材料与提交时的校验值不一致，不予显示。已记录，请请商户重新提交。";
			default -> "操作未完成，请稍后再试。";
		};
	}

	private ApiException refusal(DocumentRefused.Why why) {
		return switch (why) {
			case UNSUPPORTED_TYPE -> new ApiException(ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "unsupported");
			case TOO_LARGE -> new ApiException(ProblemTypes.PAYLOAD_TOO_LARGE, "too large");
			case EMPTY -> new ApiException(ProblemTypes.VALIDATION, "body: empty");
		};
	}

	private long megabytes() {
		return Math.max(1, documents.maxSize() / (1024 * 1024));
	}

	private Authentication caller() {
		Authentication caller = identity.getCurrentAuthentication();
		if (caller == null || caller.getUserId() == null) {
			throw new ApiException(ProblemTypes.UNAUTHORIZED, "请先登录。");
		}
		return caller;
	}

	private static List<String> groups(Authentication caller) {
		return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
	}

	private static void requireCaseReader(Authentication caller) {
		if (!Groups.readCases(groups(caller))) {
			throw new ApiException(ProblemTypes.FORBIDDEN, "只有坐席、审核员、主管、运营和管理员可以查看受理的材料。");
		}
	}

	/** Who attaches files in Tasklist: agents (and admins), as on {@code /api} where intake systems do too. */
	private static void requireUploader(Authentication caller) {
		List<String> groups = groups(caller);
		if (!groups.contains(Groups.AGENTS) && !groups.contains(Groups.ADMINS)) {
			throw new ApiException(ProblemTypes.FORBIDDEN, "只有坐席可以上传材料。");
		}
	}

	/** The task as the engine shows it to the caller (their authorizations apply): not found otherwise. */
	private Task visibleTask(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new ApiException(ProblemTypes.NOT_FOUND, "找不到这个任务，或您无权查看。");
		}
		return task;
	}

	private UnbindingCase caseOf(Task task) {
		return cases.findByProcessInstanceId(task.getProcessInstanceId())
			.orElseThrow(() -> new ApiException(ProblemTypes.NOT_FOUND, "这个任务不属于任何受理。"));
	}

	/** The codes the application names (files or not), read as the service: the caller's rights were checked. */
	private Set<String> named(UnbindingCase c) {
		Object named = engine.asService(() -> runtime.createVariableInstanceQuery()
			.processInstanceIdIn(c.getProcessInstanceId())
			.variableName(DOCUMENTS)
			.list()
			.stream()
			.map(v -> v.getValue())
			.findFirst()
			.orElse(null));
		Set<String> codes = named instanceof String s ? DocumentService.parse(s) : new LinkedHashSet<>();
		codes.retainAll(DocumentService.CODES);
		return codes;
	}

}
