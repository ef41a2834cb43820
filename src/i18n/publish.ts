/** UI strings of the header's 发布公众地图 dialog (i18next namespace `publish`). */
export const publishZh = {
  button: '发布公众地图',
  title: '发布公众服务地图',
  intro:
    '生成面向居民的静态网站（zip）：只含公开数据（社区指标、开放设施、已批准的规划选址、按网格汇总的户数），不含楼栋、候选点、成本、权属和备注。解压后放到任意静态网页服务器即可访问。',
  siteTitle: '网站标题',
  mode: '步行距离',
  modeEuclidean: '直线距离',
  modeNetwork: '沿步行网络',
  noRoads: '数据包中没有步行网络，只能按直线距离发布。',
  approvedTitle: '已批准的规划选址',
  noBlueprint: '尚无一张蓝图结果：先在“一张蓝图”中生成方案，才能把其中的选址标为已批准。',
  approve: '已批准',
  publicName: '公开名称',
  publicNameHint: '居民看到的名称（留空则为“所在社区+嵌入式服务设施”）',
  publish: '生成并下载',
  cancel: '取消',
  stage: {
    data: '正在生成公开数据…',
    bundle: '正在读取网站程序…',
    zip: '正在打包…',
  },
  done: '已生成 {{n}} 个文件，下载文件 {{file}}。',
  failed: '发布失败：{{message}}',
};

export const publishEn: typeof publishZh = {
  button: 'Publish public map',
  title: 'Publish the public service map',
  intro:
    'Makes a static website for residents (a zip) holding public data only (community figures, open facilities, approved planned sites, households per grid cell); no buildings, candidates, costs, ownership or notes. Unzip it onto any static web server.',
  siteTitle: 'Site title',
  mode: 'Walking distance',
  modeEuclidean: 'Straight line',
  modeNetwork: 'Along the walking network',
  noRoads: 'The package has no walking network: the site can only use straight lines.',
  approvedTitle: 'Approved planned sites',
  noBlueprint: 'No blueprint yet: make one under “Blueprint” to mark its sites as approved.',
  approve: 'Approved',
  publicName: 'Public name',
  publicNameHint: 'The name residents read (empty: “<community> embedded service facility”)',
  publish: 'Make and download',
  cancel: 'Cancel',
  stage: {
    data: 'Making the public data…',
    bundle: 'Reading the site’s program…',
    zip: 'Packing…',
  },
  done: '{{n}} files made; downloading {{file}}.',
  failed: 'Publishing failed: {{message}}',
};
