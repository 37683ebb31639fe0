-- The paper id each arXiv id ('arxiv:<id>') and normalized title ('title:<hash>') was first given. A page names a
-- paper by title only, a feed by arXiv id and title; this keeps them one paper whichever digest came first.
create table paper_alias (
    alias    text primary key,
    paper_id text not null
);
