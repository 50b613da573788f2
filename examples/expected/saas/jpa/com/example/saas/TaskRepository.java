package com.example.saas;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Meta;

/**
 * The access patterns that read {@code task}, one method each, as designed by accesspath from examples/saas.yaml.
 *
 * <p>Each method's javadoc names its pattern and the plan the design expects; the SQL each sends carries the pattern's
 * name as a comment.
 */
public interface TaskRepository extends JpaRepository<Task, TaskId> {

    /**
     * Access pattern {@code my_open_tasks}: The "My issues" view of a member.
     * Runs 200/s, p95 target 20 ms.
     *
     * <p>Expected plan: Index Scan on {@code task} using {@code
     * task_account_id_assignee_id_due_date_id_status_live_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>due_date can be NULL, and Spring Data's keyset scrolling compares with {@code <} and {@code >}, which skip
     * NULLs: rows without a value are not returned after the first page. The SQL query of this pattern handles them.
     */
    @Meta(comment = "my_open_tasks")
    Window<Task> findFirst50ByAccountIdAndAssigneeIdAndStatusInAndDeletedAtIsNullOrderByDueDateAscIdAsc(
            Long accountId,
            Long assigneeId,
            Collection<TaskStatus> status,
            ScrollPosition position);

    /**
     * Access pattern {@code project_board}: One column of a project's board, most recently touched first.
     * Runs 150/s, p95 target 30 ms.
     *
     * <p>Expected plan: Index Scan on {@code task} using {@code
     * task_account_id_project_id_status_updated_at_id_live_idx}, no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "project_board")
    Window<Task> findFirst100ByAccountIdAndProjectIdAndStatusAndDeletedAtIsNullOrderByUpdatedAtDescIdDesc(
            Long accountId,
            Long projectId,
            TaskStatus status,
            ScrollPosition position);

    /**
     * Access pattern {@code task_by_number}: Opening a task from its link (PROJ-123).
     * Runs 400/s, p95 target 10 ms.
     *
     * <p>Expected plan: Index Scan on {@code task} using {@code task_account_id_project_id_number_key}.
     */
    @Meta(comment = "task_by_number")
    @EntityGraph(attributePaths = {"assignee", "reporter", "labels", "labels.label"})
    Optional<Task> findWithAssigneeAndReporterAndLabelsByAccountIdAndProjectIdAndNumberAndDeletedAtIsNull(
            Long accountId,
            Long projectId,
            Integer number);

    /**
     * Access pattern {@code tasks_with_label}.
     * Runs 20/s, p95 target 50 ms.
     *
     * <p>Expected plan: Index Only Scan on {@code task_label} using {@code task_label_account_id_label_id_task_id_idx}.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     */
    @Meta(comment = "tasks_with_label")
    Window<Task> findFirst50ByLabelsLabelIdAndAccountIdAndDeletedAtIsNullOrderByUpdatedAtDescIdDesc(
            Long labelId,
            Long accountId,
            ScrollPosition position);

    /**
     * Access pattern {@code overdue_tasks}: Daily reminder job, per account.
     * Runs 20k/day, p95 target 200 ms.
     *
     * <p>Expected plan: Index Scan on {@code task} using {@code task_account_id_due_date_id_todo_in_progress_live_idx},
     * no sort.
     * <p>Keyset pages: start with {@code ScrollPosition.keyset()}, continue with {@code window.positionAt(window.size()
     * - 1)}; each page seeks the index after the last row, never OFFSET.
     * <p>Prefer {@link #overdueTasks}, which passes the pattern's constants.
     */
    @Meta(comment = "overdue_tasks")
    Window<Task> findFirst500ByAccountIdAndStatusInAndDueDateLessThanAndDeletedAtIsNullOrderByDueDateAscIdAsc(
            Long accountId,
            Collection<TaskStatus> status,
            LocalDate dueDateBelow,
            ScrollPosition position);

    /**
     * Access pattern {@code overdue_tasks}: Daily reminder job, per account.
     * Runs 20k/day, p95 target 200 ms.
     *
     * <p>Expected plan: Index Scan on {@code task} using {@code task_account_id_due_date_id_todo_in_progress_live_idx},
     * no sort.
     * <p>Supplies the pattern's constants to {@link
     * #findFirst500ByAccountIdAndStatusInAndDueDateLessThanAndDeletedAtIsNullOrderByDueDateAscIdAsc}.
     */
    default Window<Task> overdueTasks(Long accountId, LocalDate dueDateBelow, ScrollPosition position) {
        return findFirst500ByAccountIdAndStatusInAndDueDateLessThanAndDeletedAtIsNullOrderByDueDateAscIdAsc(
                accountId,
                List.of(TaskStatus.todo, TaskStatus.in_progress),
                dueDateBelow,
                position);
    }
}
