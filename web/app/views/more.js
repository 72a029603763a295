// "Show more" for a paged list: fetches the next page with the last page's cursor and hands its items on.

/** @param {{ nextCursor: string | null }} page @param {(cursor: string) => Promise<any>} next @param {(items: any[]) => void} add */
export function moreButton(page, next, add) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "more";
  button.textContent = "Show more";
  let cursor = page.nextCursor;
  button.hidden = !cursor;
  button.addEventListener("click", async () => {
    button.disabled = true;
    const following = await next(cursor);
    add(following.items);
    cursor = following.nextCursor;
    button.hidden = !cursor;
    button.disabled = false;
  });
  return button;
}
